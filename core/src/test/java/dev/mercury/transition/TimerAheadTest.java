package dev.mercury.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.transition.StepMessage.TimerPurpose;
import org.junit.jupiter.api.Test;

class TimerAheadTest {
  private final Transition transition = new Transition(() -> Executions.START_MILLIS);
  private final Checkpoint checkpoint =
      Transition.newExecution(
          DefinitionParser.parse(
              """
              {"StartAt": "Pause", "States": {
                "Pause": {"Type": "Wait", "Seconds": 5, "End": true}}}"""),
          Arns.stateMachine("ahead"),
          "ahead",
          "{}",
          Executions.START_MILLIS);

  @Test
  void waitTimer_beforeTheAdvanceIntoTheWaitCommitted_isAhead() {
    transition.apply(checkpoint, step(StepMessage.EXECUTION, 0, new StepMessage.Start()));

    assertThat(Transition.isAhead(checkpoint, timer(1, TimerPurpose.WAIT))).isTrue();
  }

  @Test
  void waitTimer_afterTheAdvanceCommitted_isNotAhead() {
    transition.apply(checkpoint, step(StepMessage.EXECUTION, 0, new StepMessage.Start()));
    transition.apply(checkpoint, step(0, 0, new StepMessage.Advance()));

    assertThat(checkpoint.flows.get(0).phase).isEqualTo(Flow.Phase.AWAITING_TIMER);
    assertThat(Transition.isAhead(checkpoint, timer(1, TimerPurpose.WAIT))).isFalse();
    assertThat(Transition.isAhead(checkpoint, timer(0, TimerPurpose.WAIT))).isFalse();
  }

  @Test
  void messagesOtherThanFlowTimers_areNeverAhead() {
    transition.apply(checkpoint, step(StepMessage.EXECUTION, 0, new StepMessage.Start()));

    assertThat(Transition.isAhead(checkpoint, step(0, 5, new StepMessage.Advance()))).isFalse();
    assertThat(Transition.isAhead(checkpoint, timer(5, TimerPurpose.EXECUTION_TIMEOUT))).isFalse();
    assertThat(
            Transition.isAhead(checkpoint, step(7, 5, new StepMessage.TimerDue(TimerPurpose.WAIT))))
        .as("a flow that no longer exists")
        .isFalse();
  }

  @Test
  void timer_ofAnEndedExecution_isNotAhead() {
    transition.apply(checkpoint, step(StepMessage.EXECUTION, 0, new StepMessage.Start()));
    checkpoint.status = ExecutionStatus.ABORTED;

    assertThat(Transition.isAhead(checkpoint, timer(1, TimerPurpose.WAIT))).isFalse();
  }

  private StepMessage timer(long seq, TimerPurpose purpose) {
    return step(0, seq, new StepMessage.TimerDue(purpose));
  }

  private StepMessage step(int flow, long seq, StepMessage.Step step) {
    return new StepMessage(checkpoint.executionArn, flow, seq, step);
  }
}
