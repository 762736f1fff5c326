package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Workflow variables in JSONPath states: Assign with paths, the context object and intrinsic
 * functions, references in every path field, and the order in which a state's assignments happen.
 */
class VariablesTest {

  @Test
  void assign_dollarKeys_takePathsContextAndIntrinsics() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"fromInput.$": "$.x", "name.$": "$$.Execution.Name",
                "state.$": "$$.State.Name", "formatted.$": "States.Format('{}-{}', $.x, $.y)",
                "nested": {"inner.$": "$.y", "list": [1, "$.x"]}, "plain": "$.x"},
                "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"fromInput.$": "$fromInput", "name.$": "$name",
                "state.$": "$state", "formatted.$": "$formatted", "nested.$": "$nested",
                "plain.$": "$plain"}, "End": true}}}""",
            "{\"x\": 1, \"y\": \"two\"}");

    assertThat(ended.out())
        .isEqualTo(
            json(
                """
                {"fromInput": 1, "name": "run", "state": "A", "formatted": "1-two",
                 "nested": {"inner": "two", "list": [1, "$.x"]}, "plain": "$.x"}"""));
  }

  @Test
  void assign_doesNotChangeTheStateOutput() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"v": 1},
              "End": true}}}""",
            "{\"in\": true}");

    assertThat(ended.out()).isEqualTo(json("{\"in\": true}"));
  }

  @Test
  void references_inInputPathParametersAndOutputPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"doc": {"inner": {"k": "v"}}, "key": "out"},
                "Next": "Use"},
              "Use": {"Type": "Pass", "InputPath": "$doc.inner",
                "Parameters": {"k.$": "$.k", "key.$": "$key"}, "ResultPath": "$.r",
                "Next": "Out"},
              "Out": {"Type": "Pass", "OutputPath": "$doc", "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"inner\": {\"k\": \"v\"}}"));
    assertThat(json(ended.first("PassStateExited").details().get("output").textValue()))
        .isEqualTo(json("{}"));
  }

  @Test
  void references_inResultSelectorAndIntrinsicArguments() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"prefix": "id", "n": 2}, "Next": "T"},
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "ResultSelector": {"label.$": "States.Format('{}-{}', $prefix, $.id)",
                  "sum.$": "States.MathAdd($n, $.id)"}, "End": true}}}""",
            "{}",
            request -> TaskResult.success(json("{\"id\": 40}")));

    assertThat(ended.out()).isEqualTo(json("{\"label\": \"id-40\", \"sum\": 42}"));
  }

  @Test
  void references_inItemsPathAndMaxConcurrencyPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"items": [1, 2, 3], "limit": 1}, "Next": "M"},
              "M": {"Type": "Map", "ItemsPath": "$items", "MaxConcurrencyPath": "$limit",
                "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass",
                  "End": true}}}, "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[1, 2, 3]"));
  }

  @Test
  void references_inChoiceVariableAndComparisonPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"guess": 3, "answer": 3}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [{"Variable": "$guess",
                "NumericEqualsPath": "$answer", "Next": "Yes"}], "Default": "No"},
              "Yes": {"Type": "Pass", "Result": "yes", "End": true},
              "No": {"Type": "Pass", "Result": "no", "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("\"yes\""));
  }

  @Test
  void references_unicodeVariableName_inAPath() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"prénom": "Ana"}, "Next": "Use"},
              "Use": {"Type": "Pass", "Parameters": {"n.$": "$prénom"}, "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"n\": \"Ana\"}"));
  }

  @Test
  void order_assignmentsOfOneStateSeeTheValuesFromBefore() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"x": 3, "a": 6}, "Next": "Swap"},
              "Swap": {"Type": "Pass", "Assign": {"x.$": "$a", "nextX.$": "$x"}, "Next": "Show"},
              "Show": {"Type": "Pass", "Parameters": {"x.$": "$x", "nextX.$": "$nextX"},
                "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"x\": 6, \"nextX\": 3}"));
  }

  @Test
  void order_jsonataAssignSeesOldValue_inAnyKeyOrder() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"b": 1}, "Next": "Both"},
              "Both": {"Type": "Pass", "Assign": {"a": "{% $b %}", "b": 2}, "Next": "Show"},
              "Show": {"Type": "Pass", "Output": {"a": "{% $a %}", "b": "{% $b %}"},
                "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
  }

  @Test
  void order_pathFieldsOfTheAssigningState_seeTheOldValue() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Result": {"q": "?"}, "Assign": {"answer": 42},
                "Next": "Same"},
              "Same": {"Type": "Pass", "InputPath": "$answer", "ResultPath": "$.theAnswer",
                "OutputPath": "$answer", "Assign": {"answer": "later"}, "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("42"));
  }

  @Test
  void assign_jsonPathDollarPerStateType() {
    var ended =
        Executions.run(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Parameters": {"made": 1}, "Assign": {"pass.$": "$"},
                "Next": "W"},
              "W": {"Type": "Wait", "Seconds": 0, "InputPath": "$.made",
                "Assign": {"wait.$": "$"}, "Next": "C"},
              "C": {"Type": "Choice", "InputPath": "$", "Assign": {"choice.$": "$"},
                "Choices": [{"Variable": "$", "NumericEquals": 1, "Next": "T"}]},
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "Assign": {"task.$": "$"}, "ResultPath": null, "Next": "Show"},
              "Show": {"Type": "Pass", "Parameters": {"pass.$": "$pass", "wait.$": "$wait",
                "choice.$": "$choice", "task.$": "$task"}, "End": true}}}""",
            "{}",
            request -> TaskResult.success(json("{\"r\": true}")));

    assertThat(ended.out())
        .isEqualTo(
            json("{\"pass\": {\"made\": 1}, \"wait\": 1, \"choice\": 1, \"task\": {\"r\": true}}"));
  }

  @Test
  void assign_withResultSelector_seesTheRawResult() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "ResultSelector": {"picked.$": "$.a"}, "Assign": {"raw.$": "$", "b.$": "$.b"},
                "Next": "Show"},
              "Show": {"Type": "Pass", "Parameters": {"in.$": "$", "raw.$": "$raw", "b.$": "$b"},
                "End": true}}}""",
            "{}",
            request -> TaskResult.success(json("{\"a\": 1, \"b\": 2}")));

    assertThat(ended.out())
        .isEqualTo(json("{\"in\": {\"picked\": 1}, \"raw\": {\"a\": 1, \"b\": 2}, \"b\": 2}"));
  }

  @Test
  void assign_inCatcher_seesTheErrorOutput() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err",
                  "Assign": {"error.$": "$.Error", "cause.$": "$.Cause"}, "Next": "H"}]},
              "H": {"Type": "Pass", "Parameters": {"error.$": "$error", "cause.$": "$cause",
                "in.$": "$.in"}, "End": true}}}""",
            "{\"in\": 1}",
            request -> TaskResult.failure("Boom", "why"));

    assertThat(ended.out()).isEqualTo(json("{\"error\": \"Boom\", \"cause\": \"why\", \"in\": 1}"));
  }

  @Test
  void assign_choiceRuleAndStateLevel_bothApplyRuleLast() {
    var ended =
        Executions.run(
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Assign": {"status": "state", "seen.$": "$.n"},
                "Choices": [{"Variable": "$.n", "NumericEquals": 1,
                  "Assign": {"status": "rule"}, "Next": "D"}], "Default": "D"},
              "D": {"Type": "Pass", "Parameters": {"status.$": "$status", "seen.$": "$seen"},
                "End": true}}}""",
            "{\"n\": 1}");

    assertThat(ended.out()).isEqualTo(json("{\"status\": \"rule\", \"seen\": 1}"));
  }

  @Test
  void checkpoint_variablesSurviveEncodingAtEveryTransition() {
    String definition =
        """
        {"StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"n": 1, "doc": {"a": [1, null, "x"]}},
            "Next": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
            "Assign": {"fromTask.$": "$.v"}, "Next": "W"},
          "W": {"Type": "Wait", "Seconds": 1, "Next": "M"},
          "M": {"Type": "Map", "ItemsPath": "$doc.a", "ItemProcessor": {"StartAt": "I",
            "States": {"I": {"Type": "Pass", "Assign": {"local.$": "$n"},
              "Parameters": {"n.$": "$n", "t.$": "$fromTask"}, "End": true}}},
            "ResultPath": null, "Next": "Out"},
          "Out": {"Type": "Pass", "Parameters": {"n.$": "$n", "doc.$": "$doc",
            "fromTask.$": "$fromTask"}, "End": true}}}""";
    List<String> outputs = new ArrayList<>();
    for (boolean encoded : new boolean[] {false, true}) {
      var ended =
          Executions.run(
              definition,
              "{}",
              request ->
                  CompletableFuture.completedFuture(TaskResult.success(json("{\"v\": \"t\"}"))),
              encoded);
      outputs.add(Json.write(ended.output()));
    }

    assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    assertThat(json(outputs.get(1)))
        .isEqualTo(json("{\"n\": 1, \"doc\": {\"a\": [1, null, \"x\"]}, \"fromTask\": \"t\"}"));
  }
}
