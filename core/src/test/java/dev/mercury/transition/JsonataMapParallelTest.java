package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.transition.StepMessage.TaskResult;
import org.junit.jupiter.api.Test;

/** JSONata in Parallel and Map states, and in the catchers of states that can fail. */
class JsonataMapParallelTest {

  @Test
  void parallel_arguments_areEachBranchesInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Parallel",
              "Arguments": {"n": "{% $states.input.n + 1 %}"}, "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass",
                  "Output": "{% $states.input.n * 10 %}", "End": true}}}]}}}""",
            "{\"n\": 1}");

    assertThat(ended.out()).isEqualTo(json("[{\"n\": 2}, 20]"));
  }

  @Test
  void parallel_outputAndAssign_readTheBranchResults() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "After",
                "Output": {"first": "{% $states.result[0] %}", "in": "{% $states.input %}"},
                "Assign": {"second": "{% $states.result[1] %}"},
                "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "a", "End": true}}},
                  {"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": "b",
                    "End": true}}}]},
              "After": {"Type": "Pass", "Output": {"out": "{% $states.input %}",
                "second": "{% $second %}"}, "End": true}}}""",
            "{\"x\": 1}");

    assertThat(ended.out())
        .isEqualTo(json("{\"out\": {\"first\": \"a\", \"in\": {\"x\": 1}}, \"second\": \"b\"}"));
  }

  @Test
  void parallel_noOutput_outputIsTheBranchResults() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Parallel",
              "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]}}}""",
            "{\"x\": 1}");

    assertThat(ended.out()).isEqualTo(json("[{\"x\": 1}]"));
  }

  @Test
  void map_itemsLiteralArray_withExpressionsInIt() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, "{% $states.input.two %}", {"three": "{% 1 + 2 %}"}],
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"two\": 2}");

    assertThat(ended.out()).isEqualTo(json("[1, 2, {\"three\": 3}]"));
  }

  @Test
  void map_itemsExpression_iteratesItsResult() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": "{% $states.input.orders[total > 10].id %}",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass",
                "Output": {"id": "{% $states.input %}"}, "End": true}}},
              "End": true}}}""",
            "{\"orders\": [{\"id\": \"a\", \"total\": 5}, {\"id\": \"b\", \"total\": 20},"
                + " {\"id\": \"c\", \"total\": 30}]}");

    assertThat(ended.out()).isEqualTo(json("[{\"id\": \"b\"}, {\"id\": \"c\"}]"));
  }

  @Test
  void map_noItems_iteratesTheInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass",
                "Output": "{% $states.input * 2 %}", "End": true}}},
              "End": true}}}""",
            "[1, 2, 3]");

    assertThat(ended.out()).isEqualTo(json("[2, 4, 6]"));
  }

  @Test
  void map_itemSelector_readsItemIndexValueAndStateInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": "{% $states.input.xs %}",
              "ItemSelector": {"i": "{% $states.context.Map.Item.Index %}",
                "v": "{% $states.context.Map.Item.Value %}", "tag": "{% $states.input.tag %}"},
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"xs\": [\"a\", \"b\"], \"tag\": \"t\"}");

    assertThat(ended.out())
        .isEqualTo(
            json(
                "[{\"i\": 0, \"v\": \"a\", \"tag\": \"t\"}, {\"i\": 1, \"v\": \"b\", \"tag\": \"t\"}]"));
  }

  @Test
  void map_itemSelectorExpression_replacesTheItem() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [10, 20],
              "ItemSelector": "{% $states.context.Map.Item.Value + $states.context.Map.Item.Index %}",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[10, 21]"));
  }

  @Test
  void map_maxConcurrencyExpression_limitsIterationsAtOnce() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, 2, 3], "MaxConcurrency": "{% $states.input.limit %}",
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"limit\": 1}");

    // With one at a time, each iteration ends before the next starts.
    var types = ended.types();
    int secondStarted = types.lastIndexOf("MapIterationStarted");
    assertThat(types.subList(0, secondStarted))
        .containsSubsequence(
            "MapIterationStarted",
            "MapIterationSucceeded",
            "MapIterationStarted",
            "MapIterationSucceeded");
    assertThat(ended.out()).isEqualTo(json("[1, 2, 3]"));
  }

  @Test
  void map_toleratedFailureCountExpression_toleratesThatMany() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, 2, 3], "ToleratedFailureCount": "{% $states.input.ok %}",
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail",
                "Error": "X"}}},
              "End": true}}}""",
            "{\"ok\": 2}");

    assertThat(ended.checkpoint().error).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void map_toleratedFailurePercentageExpression_toleratesThatShare() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, 2], "ToleratedFailurePercentage": "{% $states.input.pct %}",
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail",
                "Error": "X"}}},
              "End": true}}}""",
            "{\"pct\": 100}");

    assertThat(ended.out())
        .isEqualTo(
            json("[{\"Error\": \"X\", \"Cause\": \"\"}, {\"Error\": \"X\", \"Cause\": \"\"}]"));
  }

  @Test
  void map_itemBatcher_groupsItemsWithBatchInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, 2, 3],
              "ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.per %}",
                "BatchInput": {"label": "L"}},
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"per\": 2, \"label\": \"L\"}");

    assertThat(ended.out())
        .isEqualTo(
            json(
                """
                [{"Items": [1, 2], "BatchInput": {"label": "L"}},
                 {"Items": [3], "BatchInput": {"label": "L"}}]"""));
  }

  @Test
  void map_itemBatcherBatchInputExpressions_areEvaluated() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [1, 2], "ItemBatcher": {"MaxItemsPerBatch": 5,
                "BatchInput": {"label": "{% $states.input.label %}", "n": "{% 1 + 1 %}"}},
              "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}},
              "End": true}}}""",
            "{\"label\": \"L\"}");

    assertThat(ended.out())
        .isEqualTo(json("[{\"Items\": [1, 2], \"BatchInput\": {\"label\": \"L\", \"n\": 2}}]"));
  }

  @Test
  void map_outputAndAssign_readTheResults() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
              "M": {"Type": "Map", "Items": [1, 2, 3], "Next": "After",
                "Output": {"sum": "{% $sum($states.result) %}"},
                "Assign": {"count": "{% $count($states.result) %}"},
                "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass",
                  "End": true}}}},
              "After": {"Type": "Pass", "Output": {"sum": "{% $states.input.sum %}",
                "count": "{% $count %}"}, "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"sum\": 6, \"count\": 3}"));
  }

  @Test
  void catch_noOutput_outputIsTheErrorOutput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}]},
              "H": {"Type": "Pass", "End": true}}}""",
            "{\"in\": 1}",
            request -> TaskResult.failure("Boom", "why"));

    assertThat(ended.out()).isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"why\"}"));
  }

  @Test
  void catch_outputAndAssign_readErrorOutputAndInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "End": true,
                "Assign": {"where": "task"},
                "Catch": [{"ErrorEquals": ["Other"], "Next": "Never"},
                  {"ErrorEquals": ["States.ALL"], "Next": "H",
                  "Output": {"err": "{% $states.errorOutput.Error %}",
                    "in": "{% $states.input.in %}"},
                  "Assign": {"where": "{% 'catch:' & $states.errorOutput.Cause %}"}}]},
              "Never": {"Type": "Fail", "Error": "Never"},
              "H": {"Type": "Pass", "Output": {"got": "{% $states.input %}",
                "where": "{% $where %}"}, "End": true}}}""",
            "{\"in\": 1}", request -> TaskResult.failure("Boom", "why"));

    assertThat(ended.out())
        .isEqualTo(json("{\"got\": {\"err\": \"Boom\", \"in\": 1}, \"where\": \"catch:why\"}"));
  }

  @Test
  void catch_onParallel_assignsInTheScopeOfTheParallel() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "End": true,
                "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail",
                  "Error": "E", "Cause": "c"}}}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H",
                  "Assign": {"failed": "{% $states.errorOutput %}"}}]},
              "H": {"Type": "Pass", "Output": "{% $failed %}", "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"Error\": \"E\", \"Cause\": \"c\"}"));
  }

  @Test
  void catch_onMap_catchesAnIterationsFailure() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
              "M": {"Type": "Map", "Items": [1], "End": true,
                "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail",
                  "Error": "{% 'Item' & $string($states.input) %}"}}},
                "Catch": [{"ErrorEquals": ["Item1"], "Next": "H",
                  "Output": "{% $states.errorOutput.Error %}"}]},
              "H": {"Type": "Succeed"}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("\"Item1\""));
  }
}
