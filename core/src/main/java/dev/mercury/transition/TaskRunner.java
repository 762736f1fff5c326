package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * Starts the Task: issues its token when it waits for a callback, so that its arguments can read
   * {@code $$.Task.Token}, then evaluates them and schedules the call.
   */
  void start(Flow flow, TaskState task) {
    TaskResource resource = TaskResource.of(task.resource());
    flow.taskToken =
        resource.awaitsCallback()
            ? TaskToken.issue(turn.checkpoint.executionArn, flow.id, flow.seq)
            : null;
    schedule(flow, task, resource, new DataFlow(turn).arguments(flow, task));
  }

  private void schedule(Flow flow, TaskState task, TaskResource resource, JsonNode parameters) {
    IntegrationParameters.check(resource, parameters);
    Long timeout = seconds(flow, task.timeoutSeconds());
    // The heartbeat is evaluated and recorded for every Task; only a Task that waits for a
    // callback has anything to send heartbeats, so only it gets the timer.
    Long heartbeat = seconds(flow, task.heartbeatSeconds());
    turn.event(flow, resource.scheduledType(), resource.scheduled(parameters, timeout, heartbeat));
    if (!resource.startedByWorker()) {
      turn.event(flow, resource.startedType(), resource.started());
      startHeartbeat(flow, flow.taskToken == null ? null : heartbeat);
    }
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
            flow.taskToken,
            key);
    turn.invoke(flow.pendingTask);
    if (timeout != null) {
      turn.timer(flow, turn.now + timeoutMillis, StepMessage.TimerPurpose.TASK_TIMEOUT);
    }
  }

  /**
   * HeartbeatSeconds, for a Task that holds a token: only the token's holder can send a heartbeat,
   * so a Task whose invoker answers directly has no heartbeat to miss.
   */
  private Long heartbeatSeconds(Flow flow, TaskState task) {
    return flow.taskToken == null ? null : seconds(flow, task.heartbeatSeconds());
  }

  private void startHeartbeat(Flow flow, Long heartbeatSeconds) {
    if (heartbeatSeconds == null) {
      return;
    }
    flow.heartbeatDueMillis = turn.now + heartbeatSeconds * 1000;
    turn.timer(flow, flow.heartbeatDueMillis, StepMessage.TimerPurpose.HEARTBEAT_TIMEOUT);
  }

  /**
   * The invoker handed the work over (sent the message, invoked the function, started the child)
   * and the Task waits on for its callback. AWS records that as TaskSubmitted; an activity has
   * nothing to record until a worker takes it.
   */
  void submitted(Flow flow, TaskState task, JsonNode output) {
    TaskResource resource = TaskResource.of(task.resource());
    if (resource.kind() == TaskResource.Kind.SERVICE && !output.isMissingNode()) {
      turn.event(flow, "TaskSubmitted", resource.submitted(output));
    }
  }

  /** SendTaskHeartbeat: the heartbeat starts over, and the timer already set is left to lapse. */
  void heartbeat(Flow flow, TaskState task) {
    if (flow.heartbeatDueMillis != 0) {
      startHeartbeat(flow, seconds(flow, task.heartbeatSeconds()));
    }
  }

  /** An activity worker took the Task: ActivityStarted, and its heartbeat starts. */
  void activityStarted(Flow flow, TaskState task, String workerName) {
    ObjectNode details = Json.object();
    if (workerName != null && !workerName.isEmpty()) {
      details.put("workerName", workerName);
    }
    turn.event(flow, "ActivityStarted", details);
    startHeartbeat(flow, heartbeatSeconds(flow, task));
  }

  void finish(Flow flow, TaskState task, StepMessage.TaskResult result) {
    closeTask(flow);
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
    closeTask(flow);
    String error =
        purpose == StepMessage.TimerPurpose.HEARTBEAT_TIMEOUT
            ? ErrorName.HEARTBEAT_TIMEOUT
            : ErrorName.TIMEOUT;
    failed(flow, task, TaskResource.of(task.resource()), error, null);
  }

  /** The Task no longer waits: its token and heartbeat lapse with it. */
  private static void closeTask(Flow flow) {
    flow.pendingTask = null;
    flow.taskToken = null;
    flow.heartbeatDueMillis = 0;
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
