package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Asks the core to take the next transition of one flow of one execution. {@code seq} is the flow's
 * sequence when the message was sent.
 */
public record StepMessage(String executionArn, int flowId, long seq, Step step) {

  /** What the message asks for. */
  public sealed interface Step {}

  /** Start the execution. */
  public record Start() implements Step {}

  /** Enter the flow's current state. */
  public record Advance() implements Step {}

  /** A Task state's result or error. */
  public record TaskResult(JsonNode output, String error, String cause) implements Step {
    public boolean succeeded() {
      return error == null;
    }

    public static TaskResult success(JsonNode output) {
      return new TaskResult(output, null, null);
    }

    public static TaskResult failure(String error, String cause) {
      return new TaskResult(null, error, cause);
    }

    /**
     * A callback Task's hand-over that has nothing to record: no call was made (no invoker is
     * configured, or a mock answers on the token instead). The Task waits on for its callback.
     */
    public static TaskResult nothingSubmitted() {
      return new TaskResult(MissingNode.getInstance(), null, null);
    }
  }

  /**
   * SendTaskSuccess or SendTaskFailure, or a child execution's end, for the Task waiting on {@code
   * token}. It finds its flow by the token, not by seq: whoever holds the token may answer at any
   * time while the Task waits, and only then.
   */
  public record TaskCallback(String token, TaskResult result) implements Step {}

  /** SendTaskHeartbeat: the Task waiting on {@code token} is still being worked on. */
  public record TaskHeartbeat(String token) implements Step {}

  /** An activity worker took the Task waiting on {@code token}. */
  public record ActivityStarted(String token, String workerName) implements Step {}

  /** RedriveExecution: run a failed, timed out or aborted execution again from where it ended. */
  public record Redrive() implements Step {}

  /**
   * UpdateMapRun: new settings for the running Map Run, each null when unchanged. Sent to the flow
   * of the Map state; it concerns that flow's current seq without moving it.
   */
  public record MapRunUpdate(
      String mapRunArn,
      Integer maxConcurrency,
      Integer toleratedFailureCount,
      Double toleratedFailurePercentage)
      implements Step {}

  /** A timer fell due. */
  public record TimerDue(TimerPurpose purpose) implements Step {}

  /** Stop the execution (StopExecution). */
  public record Stop(String error, String cause) implements Step {}

  /** Why a timer was set. */
  public enum TimerPurpose {
    WAIT,
    RETRY,
    TASK_TIMEOUT,
    HEARTBEAT_TIMEOUT,
    EXECUTION_TIMEOUT
  }

  /** The flow id of messages that concern the whole execution. */
  public static final int EXECUTION = -1;
}
