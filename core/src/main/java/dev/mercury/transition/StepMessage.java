package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;

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
  }

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
