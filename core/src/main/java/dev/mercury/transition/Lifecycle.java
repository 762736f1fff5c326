package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;

/** The execution's own events: it starts, succeeds, fails, times out or is stopped. */
final class Lifecycle {
  private Lifecycle() {}

  static void start(Turn turn) {
    Checkpoint checkpoint = turn.checkpoint;
    if (checkpoint.lastEventId != 0) {
      return;
    }
    JsonText input = new JsonText(checkpoint.input);
    String stateMachineArn = checkpoint.stateMachineArn;
    turn.deferredEvent(
        null,
        "ExecutionStarted",
        () -> {
          ObjectNode details = Details.payload(Json.object(), "input", input);
          details.put("roleArn", Arns.roleFor(stateMachineArn));
          details.put("stateMachineArn", stateMachineArn);
          return details;
        });
    Flow root = checkpoint.newFlow(Flow.NO_PARENT, 0);
    root.state = checkpoint.machine.root().startAt();
    root.stateInput = checkpoint.input;
    root.stateInputText = input;
    root.lastEventId = checkpoint.lastEventId;
    turn.advance(root);
    executionTimeout(turn, checkpoint.startMillis);
  }

  static void succeed(Turn turn, Flow root, JsonNode output) {
    JsonText text = new JsonText(output);
    turn.deferredEvent(root, "ExecutionSucceeded", () -> Details.output(text));
    end(turn, ExecutionStatus.SUCCEEDED);
    turn.checkpoint.output = output;
    reportToParent(turn);
  }

  static void fail(Turn turn, Flow root, String error, String cause) {
    turn.event(root, "ExecutionFailed", Details.error(error, cause));
    end(turn, ExecutionStatus.FAILED);
    turn.checkpoint.error = error;
    turn.checkpoint.cause = Details.limit(cause);
    reportToParent(turn);
  }

  static void timeOut(Turn turn) {
    String cause = "The execution timed out after its TimeoutSeconds.";
    turn.event(null, "ExecutionTimedOut", Details.error(ErrorName.TIMEOUT, cause));
    end(turn, ExecutionStatus.TIMED_OUT);
    turn.checkpoint.error = ErrorName.TIMEOUT;
    turn.checkpoint.cause = cause;
    reportToParent(turn);
  }

  static void stop(Turn turn, StepMessage.Stop stop) {
    turn.event(null, "ExecutionAborted", Details.error(stop.error(), stop.cause()));
    end(turn, ExecutionStatus.ABORTED);
    turn.checkpoint.error = stop.error();
    turn.checkpoint.cause = stop.cause();
    reportToParent(turn);
  }

  /**
   * A child started by a parent's {@code states:startExecution.sync} Task reports its end on the
   * parent's token, in the shape of DescribeExecution with AWS's capitalised names: a success
   * passes it as the Task's result, any other end fails the Task with States.TaskFailed and the
   * description as its cause, as AWS does.
   */
  private static void reportToParent(Turn turn) {
    Checkpoint child = turn.checkpoint;
    if (child.parentTaskToken == null) {
      return;
    }
    TaskToken.Address parent = TaskToken.decode(child.parentTaskToken).orElse(null);
    if (parent == null) {
      return;
    }
    ObjectNode description = childDescription(child);
    StepMessage.TaskResult result =
        child.status == ExecutionStatus.SUCCEEDED
            ? StepMessage.TaskResult.success(description)
            : StepMessage.TaskResult.failure(ErrorName.TASK_FAILED, Json.write(description));
    turn.dispatches.add(
        new Dispatch.Publish(
            new StepMessage(
                parent.executionArn(),
                parent.flowId(),
                parent.seq(),
                new StepMessage.TaskCallback(child.parentTaskToken, result))));
  }

  private static ObjectNode childDescription(Checkpoint child) {
    ObjectNode description = Json.object();
    if (child.error != null) {
      description.put("Error", child.error);
    }
    if (child.cause != null) {
      description.put("Cause", child.cause);
    }
    description.put("ExecutionArn", child.executionArn);
    description.put("Input", Json.write(child.input));
    description.putObject("InputDetails").put("Included", true);
    description.put("Name", child.name);
    if (child.output != null) {
      if (child.parentWantsJson) {
        description.set("Output", child.output);
      } else {
        description.put("Output", Json.write(child.output));
      }
      description.putObject("OutputDetails").put("Included", true);
    }
    description.put("StartDate", child.startMillis);
    description.put("StateMachineArn", child.stateMachineArn);
    description.put("Status", child.status.name());
    description.put("StopDate", child.stopMillis);
    return description;
  }

  /**
   * Ends the execution. A success forgets every flow; any other end keeps the top-level flow, in
   * the state it failed in and with that state's input, so RedriveExecution can run it again. Its
   * seq moves on, so a reply or timer still on its way for the ended run changes nothing.
   */
  private static void end(Turn turn, ExecutionStatus status) {
    Checkpoint checkpoint = turn.checkpoint;
    checkpoint.status = status;
    checkpoint.stopMillis = turn.now;
    checkpoint
        .flows
        .values()
        .removeIf(flow -> status == ExecutionStatus.SUCCEEDED || !flow.isRoot());
    for (Flow root : checkpoint.flows.values()) {
      root.seq++;
      root.phase = Flow.Phase.READY;
      root.fork = null;
      root.pendingTask = null;
      root.taskToken = null;
      root.heartbeatDueMillis = 0;
    }
  }

  /**
   * RedriveExecution: a failed, timed out or aborted execution runs again from the state its
   * top-level flow ended in, with that state's input and the variables it had, and its retry counts
   * start afresh. A Parallel or Map state runs again whole, not only its failed branches. The
   * execution timeout starts again from the redrive.
   */
  static void redrive(Turn turn) {
    Checkpoint checkpoint = turn.checkpoint;
    Flow root = checkpoint.flows.values().stream().filter(Flow::isRoot).findFirst().orElse(null);
    if (checkpoint.isRunning() || checkpoint.status == ExecutionStatus.SUCCEEDED || root == null) {
      return;
    }
    checkpoint.status = ExecutionStatus.RUNNING;
    checkpoint.redriveCount++;
    checkpoint.redriveMillis = turn.now;
    checkpoint.stopMillis = 0;
    checkpoint.output = null;
    checkpoint.error = null;
    checkpoint.cause = null;
    ObjectNode details = Json.object();
    details.put("redriveCount", checkpoint.redriveCount);
    turn.event(null, "ExecutionRedriven", details);
    root.lastEventId = checkpoint.lastEventId;
    turn.advance(root);
    executionTimeout(turn, turn.now);
  }

  private static void executionTimeout(Turn turn, long fromMillis) {
    Checkpoint checkpoint = turn.checkpoint;
    Integer timeout = checkpoint.machine.timeoutSeconds();
    if (timeout != null) {
      turn.dispatches.add(
          new Dispatch.Timer(
              fromMillis + timeout * 1000L,
              new StepMessage(
                  checkpoint.executionArn,
                  StepMessage.EXECUTION,
                  checkpoint.redriveCount,
                  new StepMessage.TimerDue(StepMessage.TimerPurpose.EXECUTION_TIMEOUT))));
    }
  }
}
