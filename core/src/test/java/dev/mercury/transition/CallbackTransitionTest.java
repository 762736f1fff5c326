package dev.mercury.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Callbacks, heartbeats, child reports and redrive, one transition at a time on a checkpoint
 * decoded afresh from its Protocol Buffers bytes before each, as a durable store hands it over.
 */
class CallbackTransitionTest {
  private static final String CALLBACK =
      """
      {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "HeartbeatSeconds": 10, "TimeoutSeconds": 100,
        "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}""";

  /** Applies messages the way the engine does, with a clock the test moves. */
  private static final class Stepper {
    long now = 1_000_000;
    final CheckpointCodec codec = new CheckpointCodec();
    final Transition transition = new Transition(() -> now);
    final List<HistoryEvent> history = new ArrayList<>();
    byte[] stored;
    String arn;

    Stepper(String definition, String input) {
      Checkpoint checkpoint =
          Transition.newExecution(
              DefinitionParser.parse(definition), Arns.stateMachine("t"), "run", input, now);
      arn = checkpoint.executionArn;
      stored = codec.encode(checkpoint);
    }

    Transition.Result apply(StepMessage message) {
      Checkpoint checkpoint = checkpoint();
      Transition.Result result = transition.apply(checkpoint, message);
      if (result.changed()) {
        stored = codec.encode(checkpoint);
        history.addAll(result.events());
      }
      return result;
    }

    Checkpoint checkpoint() {
      return codec.decode(stored);
    }

    Flow root() {
      return checkpoint().flows.get(0);
    }

    /** Starts the execution and enters its first state; returns that state's dispatches. */
    List<Dispatch> begin() {
      apply(new StepMessage(arn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
      return apply(new StepMessage(arn, 0, 0, new StepMessage.Advance())).dispatches();
    }

    StepMessage onRoot(StepMessage.Step step) {
      return new StepMessage(arn, 0, root().seq, step);
    }

    List<String> types() {
      return history.stream().map(HistoryEvent::type).toList();
    }
  }

  @Test
  void waitForTaskToken_tokenInParametersAndFlow_theSameUnguessableToken() {
    Stepper stepper = new Stepper(CALLBACK, "{}");

    Dispatch.Invoke invoke = invoke(stepper.begin());

    String token = stepper.root().taskToken;
    assertThat(invoke.request().parameters().path("token").asText()).isEqualTo(token);
    assertThat(invoke.request().taskToken()).isEqualTo(token);
    assertThat(TaskToken.decode(token).orElseThrow())
        .isEqualTo(new TaskToken.Address(stepper.arn, 0, 1));
  }

  @Test
  void heartbeat_pushesTheDeadline_oldTimerLapsesAndTheNewOneTimesOut() {
    Stepper stepper = new Stepper(CALLBACK, "{}");
    Dispatch.Timer first = heartbeatTimer(stepper.begin());
    String token = stepper.root().taskToken;

    stepper.now += 5_000;
    Dispatch.Timer second =
        heartbeatTimer(
            stepper.apply(stepper.onRoot(new StepMessage.TaskHeartbeat(token))).dispatches());
    stepper.now = first.dueMillis();
    Transition.Result lapsed = stepper.apply(first.message());
    stepper.now = second.dueMillis();
    stepper.apply(second.message());

    assertThat(second.dueMillis()).isEqualTo(first.dueMillis() + 5_000);
    assertThat(lapsed.changed()).isFalse();
    Checkpoint ended = stepper.checkpoint();
    assertThat(ended.status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error).isEqualTo("States.HeartbeatTimeout");
    assertThat(stepper.types()).contains("TaskTimedOut");
  }

  @Test
  void invokerReplyForACallbackTask_recordsTaskSubmittedAndTheTaskWaitsOn() {
    Stepper stepper = new Stepper(CALLBACK, "{}");
    Dispatch.Invoke invoke = invoke(stepper.begin());
    long seq = stepper.root().seq;

    stepper.apply(
        new StepMessage(
            stepper.arn,
            0,
            invoke.request().seq(),
            TaskResult.success(Json.parseTrusted("{\"MessageId\": \"m-1\"}"))));

    assertThat(stepper.root().seq).isEqualTo(seq);
    assertThat(stepper.root().phase).isEqualTo(Flow.Phase.AWAITING_TASK);
    assertThat(stepper.types()).endsWith("TaskSubmitted");
  }

  @Test
  void callback_tokenOfAnotherAttempt_changesNothing() {
    Stepper stepper = new Stepper(CALLBACK, "{}");
    stepper.begin();
    String forged = TaskToken.issue(stepper.arn, 0, stepper.root().seq);

    Transition.Result result =
        stepper.apply(
            stepper.onRoot(
                new StepMessage.TaskCallback(forged, TaskResult.success(Json.object()))));

    assertThat(result.changed()).isFalse();
    assertThat(stepper.checkpoint().isRunning()).isTrue();
  }

  @Test
  void callback_success_endsTheTaskWithTheOutput() {
    Stepper stepper = new Stepper(CALLBACK, "{}");
    stepper.begin();
    String token = stepper.root().taskToken;

    stepper.apply(
        stepper.onRoot(
            new StepMessage.TaskCallback(token, TaskResult.success(Json.parseTrusted("[1]")))));

    assertThat(stepper.checkpoint().output).isEqualTo(Json.parseTrusted("[1]"));
    assertThat(stepper.types()).containsSubsequence("TaskSucceeded", "ExecutionSucceeded");
  }

  @Test
  void childEnd_reportsOnTheParentsTokenInDescribeShape() {
    Stepper child =
        new Stepper(
            "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
                + " \"Result\": {\"r\": 1}, \"End\": true}}}",
            "{\"in\": 1}");
    Checkpoint checkpoint = child.checkpoint();
    String parentArn = Arns.execution(Arns.stateMachine("parent"), "p");
    checkpoint.parentTaskToken = TaskToken.issue(parentArn, 3, 7);
    checkpoint.parentWantsJson = true;
    child.stored = child.codec.encode(checkpoint);

    List<Dispatch> last = child.begin();

    StepMessage report =
        last.stream()
            .filter(d -> d instanceof Dispatch.Publish)
            .map(d -> ((Dispatch.Publish) d).message())
            .filter(m -> m.executionArn().equals(parentArn))
            .findFirst()
            .orElseThrow();
    assertThat(report.flowId()).isEqualTo(3);
    StepMessage.TaskCallback callback = (StepMessage.TaskCallback) report.step();
    assertThat(callback.result().output().path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(callback.result().output().path("Output")).isEqualTo(Json.parseTrusted("{\"r\":1}"));
  }

  @Test
  void redrive_afterHeartbeatTimeout_entersTheFailedStateAgainWithANewToken() {
    Stepper stepper = new Stepper(CALLBACK, "{\"keep\": true}");
    Dispatch.Timer heartbeat = heartbeatTimer(stepper.begin());
    String firstToken = stepper.root().taskToken;
    stepper.now = heartbeat.dueMillis();
    stepper.apply(heartbeat.message());

    Transition.Result redriven =
        stepper.apply(
            new StepMessage(stepper.arn, StepMessage.EXECUTION, 0, new StepMessage.Redrive()));
    StepMessage advance = ((Dispatch.Publish) redriven.dispatches().get(0)).message();
    stepper.apply(advance);

    Checkpoint running = stepper.checkpoint();
    assertThat(running.isRunning()).isTrue();
    assertThat(running.redriveCount).isEqualTo(1);
    assertThat(running.flows.get(0).taskToken).isNotNull().isNotEqualTo(firstToken);
    assertThat(running.flows.get(0).stateInput).isEqualTo(Json.parseTrusted("{\"keep\": true}"));
    assertThat(stepper.types())
        .containsSubsequence("ExecutionFailed", "ExecutionRedriven", "TaskStateEntered");
  }

  private static Dispatch.Invoke invoke(List<Dispatch> dispatches) {
    return dispatches.stream()
        .filter(d -> d instanceof Dispatch.Invoke)
        .map(d -> (Dispatch.Invoke) d)
        .findFirst()
        .orElseThrow();
  }

  private static Dispatch.Timer heartbeatTimer(List<Dispatch> dispatches) {
    return dispatches.stream()
        .filter(d -> d instanceof Dispatch.Timer)
        .map(d -> (Dispatch.Timer) d)
        .filter(
            t ->
                ((StepMessage.TimerDue) t.message().step()).purpose()
                    == StepMessage.TimerPurpose.HEARTBEAT_TIMEOUT)
        .findFirst()
        .orElseThrow();
  }
}
