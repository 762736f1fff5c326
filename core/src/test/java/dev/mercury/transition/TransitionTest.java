package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransitionTest {

  @Test
  void pass_resultWithResultPath_mergesIntoInput() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"x": 1},
              "ResultPath": "$.r.s", "End": true}}}""",
            "{\"keep\": true}");

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo(json("{\"keep\": true, \"r\": {\"s\": {\"x\": 1}}}"));
    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void pass_ioInAwsOrder_inputPathParametersResultPathOutputPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.in",
              "Parameters": {"doubled.$": "$.v", "fixed": "f"}, "ResultPath": "$.res",
              "OutputPath": "$.res", "End": true}}}""",
            "{\"in\": {\"v\": 2}}");

    assertThat(ended.output()).isEqualTo(json("{\"doubled\": 2, \"fixed\": \"f\"}"));
  }

  @Test
  void pass_inputPathNull_givesEmptyObject() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": null, "End": true}}}""",
            "{\"a\": 1}");

    assertThat(ended.output()).isEqualTo(json("{}"));
  }

  @Test
  void pass_outputPathSelectsNothing_failsWithRuntimeNamingEnteredEvent() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "OutputPath": "$.missing",
              "End": true}}}""",
            "{}");

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
    assertThat(ended.checkpoint().cause)
        .isEqualTo(
            "An error occurred while executing the state 'A' (entered at the event id #2)."
                + " Invalid path '$.missing' : No results for path: $['missing']");
  }

  @Test
  void choice_noRuleMatchesAndNoDefault_failsWithNoChoiceMatched() {
    var ended =
        Executions.run(
            """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
              {"Variable": "$.n", "NumericEquals": 1, "Next": "D"}]},
              "D": {"Type": "Succeed"}}}""",
            "{\"n\": 2}");

    assertThat(ended.checkpoint().error).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void choice_counterLoop_runsUntilConditionHolds() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [
                {"Variable": "$.i", "NumericGreaterThanEquals": 3, "Next": "Done"}],
                "Default": "Inc"},
              "Inc": {"Type": "Pass", "Parameters": {"i.$": "$.i", "seen": true},
                "Next": "Bump"},
              "Bump": {"Type": "Pass", "InputPath": "$.i", "ResultPath": "$.i",
                "Parameters": {"v.$": "$"}, "OutputPath": "$.i", "Next": "Wrap"},
              "Wrap": {"Type": "Pass", "Parameters": {"i.$": "$.v"}, "Next": "Add"},
              "Add": {"Type": "Choice", "Choices": [
                {"Variable": "$.i", "NumericEquals": 0, "Next": "One"},
                {"Variable": "$.i", "NumericEquals": 1, "Next": "Two"}], "Default": "Three"},
              "One": {"Type": "Pass", "Result": {"i": 1}, "Next": "Check"},
              "Two": {"Type": "Pass", "Result": {"i": 2}, "Next": "Check"},
              "Three": {"Type": "Pass", "Result": {"i": 3}, "Next": "Check"},
              "Done": {"Type": "Succeed"}}}""",
            "{\"i\": 0}");

    assertThat(ended.output()).isEqualTo(json("{\"i\": 3}"));
  }

  @Test
  void task_failsThenSucceeds_retriesAndRecordsEachAttempt() {
    AtomicInteger calls = new AtomicInteger();
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 2,
                "BackoffRate": 1}],
              "End": true}}}""",
            "{}",
            request ->
                calls.getAndIncrement() == 0
                    ? TaskResult.failure("Boom", "first time")
                    : TaskResult.success(json("{\"ok\": true}")));

    assertThat(ended.output()).isEqualTo(json("{\"ok\": true}"));
    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskFailed",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void task_maxAttemptsZero_doesNotRetry() {
    AtomicInteger calls = new AtomicInteger();
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}], "End": true}}}""",
            "{}",
            request -> {
              calls.incrementAndGet();
              return TaskResult.failure("Boom", "no");
            });

    assertThat(calls).hasValue(1);
    assertThat(ended.checkpoint().error).isEqualTo("Boom");
  }

  @Test
  void task_caughtError_putsErrorOutputAtCatcherResultPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "Next": "Never",
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.err",
                  "Next": "Handled"}]},
              "Never": {"Type": "Fail", "Error": "Unreachable"},
              "Handled": {"Type": "Pass", "End": true}}}""",
            "{\"in\": 1}",
            request -> TaskResult.failure("Custom.Error", "why"));

    assertThat(ended.output())
        .isEqualTo(json("{\"in\": 1, \"err\": {\"Error\": \"Custom.Error\", \"Cause\": \"why\"}}"));
  }

  @Test
  void task_runtimeErrorAfterResult_isNotCaughtEvenByStatesAll() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "OutputPath": "$.nope",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
              "Handled": {"Type": "Pass", "End": true}}}""",
            "{}",
            request -> TaskResult.success(json("{}")));

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
  }

  @Test
  void task_resultOverPayloadLimit_failsWithDataLimitExceeded() {
    String big = "x".repeat(TaskRunner.PAYLOAD_LIMIT_BYTES);
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "End": true}}}""",
            "{}",
            request -> TaskResult.success(Json.NODES.textNode(big)));

    assertThat(ended.checkpoint().error).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void parallel_branches_outputsInBranchOrder() {
    var ended =
        Executions.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}
            ]}}}""",
            "{}");

    assertThat(ended.output()).isEqualTo(json("[\"a\", \"b\"]"));
  }

  @Test
  void parallel_branchFails_failsWithTheBranchError() {
    var ended =
        Executions.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Fail", "Error": "E", "Cause": "c"}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
            ]}}}""",
            "{}");

    assertThat(ended.checkpoint().error).isEqualTo("E");
    assertThat(ended.checkpoint().cause).isEqualTo("c");
    assertThat(ended.types()).contains("ParallelStateFailed");
  }

  @Test
  void map_itemSelectorWithContext_resultsInItemOrder() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.xs",
              "MaxConcurrency": 2,
              "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value",
                "tag.$": "$.tag"},
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"xs\": [\"a\", \"b\", \"c\"], \"tag\": \"t\"}");

    assertThat(ended.output())
        .isEqualTo(
            json(
                "[{\"i\":0,\"v\":\"a\",\"tag\":\"t\"},{\"i\":1,\"v\":\"b\",\"tag\":\"t\"},"
                    + "{\"i\":2,\"v\":\"c\",\"tag\":\"t\"}]"));
  }

  @Test
  void map_failuresBeyondToleratedCount_failsWithThresholdError() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1,
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "X"}}},
              "End": true}}}""",
            "[1, 2, 3]");

    assertThat(ended.checkpoint().error).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void map_failuresWithinToleratedPercentage_succeedsWithErrorOutputs() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailurePercentage": 100,
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "X"}}},
              "End": true}}}""",
            "[1]");

    assertThat(ended.output()).isEqualTo(json("[{\"Error\": \"X\", \"Cause\": \"\"}]"));
  }

  @Test
  void map_emptyItems_succeedsWithEmptyArray() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "[]");

    assertThat(ended.output()).isEqualTo(json("[]"));
  }

  @Test
  void wait_timestampInThePast_continuesAtOnce() {
    var ended =
        Executions.run(
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait",
              "TimestampPath": "$.when", "End": true}}}""",
            "{\"when\": \"2020-01-01T00:00:00Z\"}");

    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
  }

  @Test
  void fail_errorAndCausePaths_readFromInput() {
    var ended =
        Executions.run(
            """
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.e",
              "CausePath": "$.c"}}}""",
            "{\"e\": \"MyError\", \"c\": \"my cause\"}");

    assertThat(ended.checkpoint().error).isEqualTo("MyError");
    assertThat(ended.checkpoint().cause).isEqualTo("my cause");
  }

  @Test
  void transition_repeatedMessage_changesNothing() {
    Checkpoint checkpoint =
        Transition.newExecution(
            DefinitionParser.parse(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"),
            Arns.stateMachine("m"),
            "e",
            "{}",
            0);
    Transition transition = new Transition(() -> 0);
    var started =
        transition.apply(
            checkpoint,
            new StepMessage(
                checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
    StepMessage advance = ((Dispatch.Publish) started.dispatches().get(0)).message();

    var first = transition.apply(checkpoint, advance);
    var repeat = transition.apply(checkpoint, advance);

    assertThat(first.changed()).isTrue();
    assertThat(repeat.changed()).isFalse();
    assertThat(checkpoint.lastEventId).isEqualTo(4);
  }

  @Test
  void encodedStore_everyTransitionFromAFreshCheckpoint_endsAsInMemory() {
    String definition =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "M", "Branches": [
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::x",
              "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 1}],
              "End": true}}},
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 0, "End": true}}}]},
          "M": {"Type": "Map", "ItemsPath": "$[0].items", "MaxConcurrency": 1,
            "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
            "End": true}}}""";
    List<String> outputs = new java.util.ArrayList<>();
    List<List<String>> histories = new java.util.ArrayList<>();
    for (boolean encoded : new boolean[] {false, true}) {
      AtomicInteger calls = new AtomicInteger();
      var ended =
          Executions.run(
              definition,
              "{}",
              request ->
                  CompletableFuture.completedFuture(
                      calls.getAndIncrement() == 0
                          ? TaskResult.failure("Once", "")
                          : TaskResult.success(json("{\"items\": [1, 2, 3]}"))),
              encoded);
      outputs.add(Json.write(ended.output()));
      histories.add(ended.types());
    }

    assertThat(outputs.get(1)).isEqualTo(outputs.get(0)).isEqualTo("[1,2,3]");
    assertThat(histories.get(1)).isEqualTo(histories.get(0));
  }

  @Test
  void intrinsic_pathSelectsNothing_failsTheExecutionWithRuntime() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass",
              "Parameters": {"g.$": "States.Format('Hi {}', $.missing)"}, "End": true}}}""",
            "{}");

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
    assertThat(ended.checkpoint().cause).contains("$['missing']");
  }

  @Test
  void execution_loopingPastTheHistoryLimit_failsInsteadOfGrowingForever() {
    Checkpoint checkpoint =
        Transition.newExecution(
            DefinitionParser.parse(
                """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Pass", "Next": "A"}}}"""),
            Arns.stateMachine("loop"),
            "e",
            "{}",
            0);
    Transition transition = new Transition(() -> 0, 50);
    java.util.ArrayDeque<StepMessage> queue = new java.util.ArrayDeque<>();
    queue.add(
        new StepMessage(
            checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
    while (!queue.isEmpty() && checkpoint.isRunning()) {
      for (Dispatch d : transition.apply(checkpoint, queue.poll()).dispatches()) {
        if (d instanceof Dispatch.Publish p) {
          queue.add(p.message());
        }
      }
    }

    assertThat(checkpoint.status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(checkpoint.cause).contains("limit of 50 events");
  }
}
