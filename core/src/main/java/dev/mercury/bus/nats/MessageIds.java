package dev.mercury.bus.nats;

import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;

/**
 * The {@code Nats-Msg-Id} of each message: execution, flow, seq and kind. Every copy of one message
 * (a re-publish after a crash, the sweeper's resend, two workers firing the same timer) has the
 * same id, so JetStream stores it once within its duplicate window; past the window, the flow's seq
 * check in the transition makes the copy harmless.
 */
final class MessageIds {
  private MessageIds() {}

  static String of(StepMessage message) {
    return message.executionArn()
        + "/"
        + message.flowId()
        + "/"
        + message.seq()
        + "/"
        + kind(message);
  }

  static String of(InvokeRequest request) {
    return request.executionArn() + "/" + request.flowId() + "/" + request.seq() + "/invoke";
  }

  private static String kind(StepMessage message) {
    return switch (message.step()) {
      case StepMessage.Start start -> "start";
      case StepMessage.Advance advance -> "advance";
      case StepMessage.TaskResult result -> "result";
      case StepMessage.TimerDue due -> "timer-" + due.purpose().name();
      case StepMessage.Stop stop -> "stop";
      case StepMessage.Redrive redrive -> "redrive";
      case StepMessage.TaskCallback callback -> "callback-" + callback.token().hashCode();
      // Heartbeats and Map Run updates may rightly repeat, so each gets an id of its own.
      case StepMessage.TaskHeartbeat heartbeat -> "heartbeat-" + System.nanoTime();
      case StepMessage.ActivityStarted started -> "activity-" + started.token().hashCode();
      case StepMessage.MapRunUpdate update -> "map-run-" + System.nanoTime();
    };
  }
}
