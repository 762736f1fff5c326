package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.TaskState;
import java.nio.charset.StandardCharsets;

/** A Task state: schedules the call, then takes its result, error or timeout. */
final class TaskRunner {
  /** AWS's limit on a task result, and on any payload it passes between states. */
  static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

  private final Turn turn;

  TaskRunner(Turn turn) {
    this.turn = turn;
  }

  void schedule(Flow flow, TaskState task, JsonNode parameters) {
    TaskResource resource = TaskResource.of(task.resource());
    IntegrationParameters.check(resource, parameters);
    Long timeout = seconds(flow, task.timeoutSeconds());
    Long heartbeat = seconds(flow, task.heartbeatSeconds());
    turn.event(flow, resource.scheduledType(), resource.scheduled(parameters, timeout, heartbeat));
    turn.event(flow, resource.startedType(), resource.started());
    flow.phase = Flow.Phase.AWAITING_TASK;
    int attempt = flow.taskAttempt++;
    String key = turn.checkpoint.executionArn + "/" + flow.id + "/" + flow.seq;
    long timeoutMillis = timeout == null ? 0 : timeout * 1000;
    flow.pendingTask =
        new InvokeRequest(
            turn.checkpoint.executionArn,
            flow.id,
            flow.seq,
            task.name(),
            task.resource(),
            parameters,
            attempt,
            timeoutMillis,
            null,
            key);
    turn.invoke(flow.pendingTask);
    if (timeout != null) {
      turn.timer(flow, turn.now + timeoutMillis, StepMessage.TimerPurpose.TASK_TIMEOUT);
    }
  }

  void finish(Flow flow, TaskState task, StepMessage.TaskResult result) {
    flow.pendingTask = null;
    TaskResource resource = TaskResource.of(task.resource());
    if (!result.succeeded()) {
      failed(flow, task, resource, result.error(), result.cause());
      return;
    }
    String text = Json.write(result.output());
    if (text.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT_BYTES) {
      failed(
          flow,
          task,
          resource,
          ErrorName.DATA_LIMIT_EXCEEDED,
          "The state/task '"
              + task.resource()
              + "' returned a result with a size exceeding the maximum number of bytes service"
              + " limit.");
      return;
    }
    turn.event(flow, resource.succeededType(), resource.succeeded(result.output()));
    StateRunner runner = new StateRunner(turn);
    try {
      runner.exit(
          flow, task, new DataFlow(turn).fromResult(flow, task, result.output()), task.next());
    } catch (StatesError e) {
      new Recovery(turn).stateFailed(flow, task, e);
    }
  }

  void timedOut(Flow flow, TaskState task, StepMessage.TimerPurpose purpose) {
    flow.pendingTask = null;
    String error =
        purpose == StepMessage.TimerPurpose.HEARTBEAT_TIMEOUT
            ? ErrorName.HEARTBEAT_TIMEOUT
            : ErrorName.TIMEOUT;
    failed(flow, task, TaskResource.of(task.resource()), error, null);
  }

  private void failed(
      Flow flow, TaskState task, TaskResource resource, String error, String cause) {
    turn.event(flow, resource.failedType(error), resource.failed(error, cause));
    new Recovery(turn).handle(flow, task, error, cause);
  }

  private Long seconds(Flow flow, DynamicValue value) {
    if (value == null) {
      return null;
    }
    JsonNode found = turn.resolve(flow, value, flow.stateInput);
    if (!found.canConvertToLong() || found.asLong() <= 0) {
      throw turn.invalid(
          value,
          found,
          "positive integer",
          "The "
              + value.field()
              + "Path field refers to value \""
              + found
              + "\" which is not a"
              + " valid positive integer: "
              + (value.isPath() ? value.path().text() : ""));
    }
    return found.asLong();
  }
}
