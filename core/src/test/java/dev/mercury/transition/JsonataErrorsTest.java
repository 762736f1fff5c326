package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import org.junit.jupiter.api.Test;

/**
 * How JSONata failures end a state: States.QueryEvaluationError with AWS's cause texts, the prefix
 * naming the state and its entered event, and the EvaluationFailed event before the failure.
 */
class JsonataErrorsTest {
  private static final String PREFIX =
      "An error occurred while executing the state '%s' (entered at the event id #%d). ";

  private static Executions.Ended pass(String output, String input) {
    return Executions.run(
        """
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
          "Output": %s, "End": true}}}"""
            .formatted(output),
        input);
  }

  private static void assertFailed(Executions.Ended ended, String cause) {
    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.checkpoint().cause).isEqualTo(cause);
  }

  @Test
  void undefinedOutput_failsWithPrefixAndEvaluationFailedEvent() {
    var ended = pass("{\"a\": {\"b\": \"{% $states.input.nope %}\"}}", "{}");

    String cause =
        PREFIX.formatted("P", 2)
            + "The JSONata expression '$states.input.nope' specified for the field 'Output/a/b'"
            + " returned nothing (undefined).";
    assertFailed(ended, cause);
    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed");
    assertThat(ended.first("EvaluationFailed").details())
        .isEqualTo(
            json(
                """
                {"error": "States.QueryEvaluationError", "cause": %s, "location": "Output/a/b",
                 "state": "P"}"""
                    .formatted(Json.write(Json.NODES.textNode(cause)))));
  }

  @Test
  void prefix_namesTheEnteredEventOfALaterState() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Pass", "Output": "{% $nothing %}", "End": true}}}""",
            "{}");

    assertThat(ended.checkpoint().cause).startsWith(PREFIX.formatted("B", 4));
  }

  @Test
  void undefinedTaskArgument_failsBeforeScheduling() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "{% $fn %}"}, "End": true}}}""",
            "{}", request -> TaskResult.success(json("{}")));

    assertFailed(
        ended,
        PREFIX.formatted("T", 2)
            + "The JSONata expression '$fn' specified for the field 'Arguments/FunctionName'"
            + " returned nothing (undefined).");
    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted", "TaskStateEntered", "EvaluationFailed", "ExecutionFailed");
  }

  @Test
  void undefinedAssign_namesTheVariable() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Assign": {"ok": 1, "x": "{% $states.input.missing %}"}, "End": true}}}""",
            "{}");

    assertFailed(
        ended,
        PREFIX.formatted("P", 2)
            + "The JSONata expression '$states.input.missing' specified for the field 'Assign/x'"
            + " returned nothing (undefined).");
    assertThat(ended.first("EvaluationFailed").details().get("location").textValue())
        .isEqualTo("Assign/x");
  }

  @Test
  void nullLiteral_isAValueNotAFailure() {
    var ended = pass("{\"a\": \"{% null %}\", \"b\": \"{% $states.input.n %}\"}", "{\"n\": null}");

    assertThat(ended.out()).isEqualTo(json("{\"a\": null, \"b\": null}"));
  }

  @Test
  void runtimeError_threwAnErrorWithTheCode() {
    var ended = pass("\"{% $randomSeeded(1) %}\"", "{}");

    assertFailed(
        ended,
        PREFIX.formatted("P", 2)
            + "The JSONata expression '$randomSeeded(1)' specified for the field 'Output' threw an"
            + " error during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void functionResult_isAnUnsupportedResultType() {
    var ended = pass("\"{% function($x) { $x } %}\"", "{}");

    assertFailed(
        ended,
        PREFIX.formatted("P", 2)
            + "The JSONata expression 'function($x) { $x }' specified for the field 'Output'"
            + " returned an unsupported result type.");
  }

  @Test
  void itemsNotAnArray_isAnUnexpectedResultType() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": "{% $states.input.xs %}",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"xs\": {\"a\": 1}}");

    assertFailed(
        ended,
        PREFIX.formatted("M", 2)
            + "The JSONata expression '$states.input.xs' specified for the field 'Items' returned"
            + " an unexpected result type. Expected 'array', but was 'object' for value:"
            + " {\"a\":1}");
  }

  @Test
  void conditionNotBoolean_isAnUnexpectedResultType() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.flag %}", "Next": "D"}], "Default": "D"},
              "D": {"Type": "Succeed"}}}""",
            "{\"flag\": \"yes\"}");

    assertFailed(
        ended,
        PREFIX.formatted("C", 2)
            + "The JSONata expression '$states.input.flag' specified for the field 'Condition'"
            + " returned an unexpected result type. Expected 'boolean', but was 'string' for"
            + " value: \"yes\"");
  }

  @Test
  void conditionUndefined_returnedNothing() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.flag %}", "Next": "D"}], "Default": "D"},
              "D": {"Type": "Succeed"}}}""",
            "{}");

    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.checkpoint().cause).endsWith("returned nothing (undefined).");
  }

  @Test
  void heartbeatSecondsUndefined_failsNamingTheField() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::x", "HeartbeatSeconds": "{% $hb %}", "End": true}}}""",
            "{}", request -> TaskResult.success(json("{}")));

    assertFailed(
        ended,
        PREFIX.formatted("T", 2)
            + "The JSONata expression '$hb' specified for the field 'HeartbeatSeconds' returned"
            + " nothing (undefined).");
  }

  @Test
  void waitSecondsOfTheWrongType_isAQueryEvaluationError() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait",
              "Seconds": "{% $states.input.s %}", "End": true}}}""",
            "{\"s\": \"ten\"}");

    assertFailed(
        ended,
        PREFIX.formatted("W", 2)
            + "The JSONata expression '$states.input.s' specified for the field 'Seconds' returned"
            + " an unexpected result type. Expected 'non-negative integer', but was 'string' for"
            + " value: \"ten\"");
    assertThat(ended.first("EvaluationFailed").details().get("location").textValue())
        .isEqualTo("Seconds");
  }

  @Test
  void taskTimeoutOutOfRange_isAQueryEvaluationError() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::x", "TimeoutSeconds": "{% -5 %}", "End": true}}}""",
            "{}", request -> TaskResult.success(json("{}")));

    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.checkpoint().cause)
        .contains("specified for the field 'TimeoutSeconds' returned an unexpected result type.");
  }

  @Test
  void mapMaxConcurrencyNotANumber_isAQueryEvaluationError() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1], "MaxConcurrency": "{% 'many' %}", "End": true,
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass",
                "End": true}}}}}}""",
            "{}");

    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.checkpoint().cause)
        .contains("specified for the field 'MaxConcurrency' returned an unexpected result type.");
  }

  @Test
  void waitSecondsPathOfTheWrongType_staysARuntimeError() {
    var ended =
        Executions.run(
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s",
              "End": true}}}""",
            "{\"s\": \"ten\"}");

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
    assertThat(ended.checkpoint().cause)
        .endsWith("The SecondsPath parameter cannot be parsed as a long value: $.s == \"ten\"");
  }

  @Test
  void queryEvaluationError_isCaughtByStatesAll() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "Arguments": "{% $nothing %}", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}]},
              "H": {"Type": "Pass", "End": true}}}""",
            "{}", request -> TaskResult.success(json("{}")));

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.out().get("Error").textValue()).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.out().get("Cause").textValue())
        .isEqualTo(
            PREFIX.formatted("T", 2)
                + "The JSONata expression '$nothing' specified for the field 'Arguments' returned"
                + " nothing (undefined).");
    assertThat(ended.types()).containsSubsequence("EvaluationFailed", "TaskStateExited");
  }

  @Test
  void queryEvaluationError_isRetriedByName() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "Output": "{% $states.result.missing %}", "End": true,
                "Retry": [{"ErrorEquals": ["States.QueryEvaluationError"], "MaxAttempts": 1,
                  "IntervalSeconds": 1}]}}}""",
            "{}", request -> TaskResult.success(json("{}")));

    assertThat(ended.types().stream().filter("TaskScheduled"::equals).count()).isEqualTo(2);
    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void catcherOutputUndefined_failsTheStateNamingTheCatcherByIndex() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "End": true,
                "Catch": [{"ErrorEquals": ["Other"], "Next": "H"},
                  {"ErrorEquals": ["States.ALL"], "Next": "H",
                    "Output": {"v": "{% $states.input.missing %}"}}]},
              "H": {"Type": "Pass", "End": true}}}""",
            "{}", request -> TaskResult.failure("Boom", "why"));

    String cause =
        PREFIX.formatted("T", 2)
            + "The JSONata expression '$states.input.missing' specified for the field"
            + " 'Catch[1]/Output/v' returned nothing (undefined).";
    assertFailed(ended, cause);
    assertThat(ended.types())
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskFailed",
            "EvaluationFailed",
            "ExecutionFailed");
    assertThat(ended.first("EvaluationFailed").details().get("location").textValue())
        .isEqualTo("Catch[1]/Output/v");
  }

  @Test
  void catcherAssignUndefined_namesTheCatcherAssign() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H",
                  "Assign": {"e": "{% $states.errorOutput.Missing %}"}}]},
              "H": {"Type": "Pass", "End": true}}}""",
            "{}", request -> TaskResult.failure("Boom", "why"));

    assertFailed(
        ended,
        PREFIX.formatted("T", 2)
            + "The JSONata expression '$states.errorOutput.Missing' specified for the field"
            + " 'Catch[0]/Assign/e' returned nothing (undefined).");
  }

  @Test
  void mapIterationFailure_failsTheMapWithTheInnerStatesPrefix() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1], "End": true,
              "ItemProcessor": {"StartAt": "In", "States": {"In": {"Type": "Pass",
                "Output": "{% $states.input.nope %}", "End": true}}}}}}""",
            "{}");

    assertThat(ended.checkpoint().error).isEqualTo("States.QueryEvaluationError");
    assertThat(ended.checkpoint().cause)
        .startsWith("An error occurred while executing the state 'In'");
    assertThat(ended.first("EvaluationFailed").details().get("state").textValue()).isEqualTo("In");
  }
}
