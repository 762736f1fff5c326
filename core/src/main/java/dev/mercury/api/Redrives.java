package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.StateMachineStore.StoredStateMachine;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.Flow;
import dev.mercury.transition.StepMessage;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * RedriveExecution, and the redrive fields of DescribeExecution. A FAILED, TIMED_OUT or ABORTED
 * STANDARD execution that ended within the last 14 days runs again from the state its top level
 * ended in (see {@code Lifecycle.redrive}).
 *
 * <p>What AWS does that Mercury does not yet: a Map or Parallel state runs again whole instead of
 * only its unsuccessful iterations or branches, and the {@code clientToken} is not remembered, so a
 * repeated call is refused as not redrivable rather than answered again.
 */
final class Redrives {
  private static final Duration WINDOW = Duration.ofDays(14);

  private final CheckpointStore executions;
  private final Targets targets;
  private final Engine engine;

  Redrives(CheckpointStore executions, Targets targets, Engine engine) {
    this.executions = executions;
    this.targets = targets;
    this.engine = engine;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("RedriveExecution", this::redrive);
  }

  private ObjectNode redrive(JsonNode request) {
    String arn = Requests.bounded(request, "executionArn", 1, 256, true);
    Requests.bounded(request, "clientToken", 1, 64, false);
    Checkpoint execution = executions.read(arn);
    if (execution == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    String refusal = refusal(execution, engine.clock().millis());
    StoredStateMachine machine = targets.machine(execution.stateMachineArn);
    if (refusal == null && machine != null && "EXPRESS".equals(machine.type())) {
      refusal = "Execution is of an EXPRESS state machine and cannot be redriven";
    }
    if (refusal != null) {
      throw new ApiException("ExecutionNotRedrivable", refusal);
    }
    engine.submit(new StepMessage(arn, StepMessage.EXECUTION, 0, new StepMessage.Redrive()));
    ObjectNode response = Json.object();
    response.put("redriveDate", Requests.seconds(engine.clock().millis()));
    return response;
  }

  /** Why the execution cannot be redriven now, or null when it can. */
  private static String refusal(Checkpoint execution, long now) {
    if (execution.isRunning() || execution.status == ExecutionStatus.SUCCEEDED) {
      return "Execution is " + execution.status + " and cannot be redriven";
    }
    if (execution.flows.values().stream().noneMatch(Flow::isRoot)) {
      return "Execution ended before its first state and cannot be redriven";
    }
    if (now - execution.stopMillis > WINDOW.toMillis()) {
      return "Execution ended more than 14 days ago and cannot be redriven";
    }
    return null;
  }

  /** The redrive fields DescribeExecution shows. */
  static void describe(Checkpoint execution, ObjectNode response) {
    response.put("redriveCount", execution.redriveCount);
    if (execution.redriveCount > 0) {
      response.put("redriveDate", Requests.seconds(execution.redriveMillis));
    }
    String refusal = refusal(execution, System.currentTimeMillis());
    response.put("redriveStatus", refusal == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (refusal != null) {
      response.put("redriveStatusReason", refusal);
    }
  }
}
