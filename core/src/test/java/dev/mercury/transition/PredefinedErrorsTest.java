package dev.mercury.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.port.Invoker;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each predefined error raised where AWS raises it, with the event that records it. */
class PredefinedErrorsTest {
  private static final Invoker NEVER_ANSWERS = request -> new CompletableFuture<>();

  @Test
  void taskTimeoutSeconds_noAnswerInTime_failsWithStatesTimeoutAndTaskTimedOut() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "TimeoutSeconds": 5, "End": true}}}""",
            "{}",
            NEVER_ANSWERS,
            false);

    assertThat(ended.checkpoint().error).isEqualTo("States.Timeout");
    assertThat(ended.types()).contains("TaskTimedOut").doesNotContain("TaskSucceeded");
  }

  @Test
  void lambdaTimeout_noAnswerInTime_recordsLambdaFunctionTimedOut() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
              "TimeoutSeconds": 1, "End": true}}}""",
            "{}",
            NEVER_ANSWERS,
            false);

    assertThat(ended.types()).contains("LambdaFunctionTimedOut");
  }

  @Test
  void machineTimeoutSeconds_executionTakesLonger_endsTimedOut() {
    var ended =
        Executions.run(
            """
            {"StartAt": "W", "TimeoutSeconds": 2, "States": {
              "W": {"Type": "Wait", "Seconds": 10, "End": true}}}""",
            "{}");

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(ended.checkpoint().error).isEqualTo("States.Timeout");
    assertThat(ended.types()).endsWith("ExecutionTimedOut");
  }

  @Test
  void resultPath_intoAString_failsWithResultPathMatchFailure() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "ResultPath": "$.name.inner", "End": true}}}""",
            "{\"name\": [\"not an object\"]}",
            request -> TaskResult.success(Executions.json("1")));

    assertThat(ended.checkpoint().error).isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void resultPathMatchFailure_namedByCatcher_isCaught() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "ResultPath": "$.name.inner", "End": true,
              "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "Next": "C"}]},
              "C": {"Type": "Pass", "End": true}}}""",
            "{\"name\": [1]}",
            request -> TaskResult.success(Executions.json("1")));

    assertThat(ended.output().path("Error").asText()).isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void taskFailed_matchesEveryErrorButTimeout() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "TimeoutSeconds": 1, "End": true,
              "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "C"}]},
              "C": {"Type": "Pass", "End": true}}}""",
            "{}",
            NEVER_ANSWERS,
            false);

    assertThat(ended.checkpoint().error).isEqualTo("States.Timeout");
  }

  @Test
  void noChoiceMatched_caughtByNobody_failsWithNoMatchesCause() {
    var ended =
        Executions.run(
            """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
              {"Variable": "$.x", "IsPresent": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}""",
            "{}");

    assertThat(ended.checkpoint().error).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void mapIterationFails_noTolerance_failsWithTheIterationsError() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {
              "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Item.Bad"}}}}}}""",
            "[1, 2]");

    assertThat(ended.checkpoint().error).isEqualTo("Item.Bad");
    assertThat(ended.types()).contains("MapIterationFailed", "MapStateFailed");
  }
}
