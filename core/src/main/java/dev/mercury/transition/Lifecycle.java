package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;

/** The execution's own events: it starts, succeeds, fails, times out or is stopped. */
final class Lifecycle {
  private Lifecycle() {}

  static void start(Turn turn) {
    Checkpoint checkpoint = turn.checkpoint;
    if (checkpoint.lastEventId != 0) {
      return;
    }
    ObjectNode details = Details.payload(Json.object(), "input", checkpoint.input);
    details.put("roleArn", Arns.roleFor(checkpoint.stateMachineArn));
    details.put("stateMachineArn", checkpoint.stateMachineArn);
    turn.event(null, "ExecutionStarted", details);
    Flow root = checkpoint.newFlow(Flow.NO_PARENT, 0);
    root.state = checkpoint.machine.root().startAt();
    root.stateInput = checkpoint.input;
    root.lastEventId = checkpoint.lastEventId;
    turn.advance(root);
    Integer timeout = checkpoint.machine.timeoutSeconds();
    if (timeout != null) {
      turn.dispatches.add(
          new Dispatch.Timer(
              checkpoint.startMillis + timeout * 1000L,
              new StepMessage(
                  checkpoint.executionArn,
                  StepMessage.EXECUTION,
                  0,
                  new StepMessage.TimerDue(StepMessage.TimerPurpose.EXECUTION_TIMEOUT))));
    }
  }

  static void succeed(Turn turn, Flow root, JsonNode output) {
    turn.event(root, "ExecutionSucceeded", Details.output(output));
    end(turn, ExecutionStatus.SUCCEEDED);
    turn.checkpoint.output = output;
  }

  static void fail(Turn turn, Flow root, String error, String cause) {
    turn.event(root, "ExecutionFailed", Details.error(error, cause));
    end(turn, ExecutionStatus.FAILED);
    turn.checkpoint.error = error;
    turn.checkpoint.cause = Details.limit(cause);
  }

  static void timeOut(Turn turn) {
    String cause = "The execution timed out after its TimeoutSeconds.";
    turn.event(null, "ExecutionTimedOut", Details.error(ErrorName.TIMEOUT, cause));
    end(turn, ExecutionStatus.TIMED_OUT);
    turn.checkpoint.error = ErrorName.TIMEOUT;
    turn.checkpoint.cause = cause;
  }

  static void stop(Turn turn, StepMessage.Stop stop) {
    turn.event(null, "ExecutionAborted", Details.error(stop.error(), stop.cause()));
    end(turn, ExecutionStatus.ABORTED);
    turn.checkpoint.error = stop.error();
    turn.checkpoint.cause = stop.cause();
  }

  private static void end(Turn turn, ExecutionStatus status) {
    turn.checkpoint.status = status;
    turn.checkpoint.stopMillis = turn.now;
    turn.checkpoint.flows.clear();
  }
}
