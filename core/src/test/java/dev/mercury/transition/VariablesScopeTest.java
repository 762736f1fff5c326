package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.NoInvoker;
import org.junit.jupiter.api.Test;

/**
 * Variable scopes: Map iterations and Parallel branches read outer variables, keep their own
 * assignments to themselves, and lose them when the state ends.
 */
class VariablesScopeTest {

  @Test
  void map_iterationsReadOuterVariables_inItemSelectorAndInnerStates() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"greeting": "Hi {}", "who": "team"},
                "Result": ["a", "b"], "Next": "M"},
              "M": {"Type": "Map", "MaxConcurrency": 1,
                "ItemSelector": {"text.$": "States.Format($greeting, $$.Map.Item.Value)"},
                "ItemProcessor": {"StartAt": "In", "States": {"In": {"Type": "Pass",
                  "Parameters": {"text.$": "$.text", "who.$": "$who"}, "End": true}}},
                "End": true}}}""",
            "{}");

    assertThat(ended.out())
        .isEqualTo(
            json(
                "[{\"text\": \"Hi a\", \"who\": \"team\"}, {\"text\": \"Hi b\", \"who\": \"team\"}]"));
  }

  @Test
  void map_eachIterationSeesItsOwnAssignments() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "Items": [0, 1, 2], "End": true,
              "ItemProcessor": {"StartAt": "Mine", "States": {
                "Mine": {"Type": "Pass", "Assign": {"mine": "{% $states.input %}"},
                  "Next": "Wait"},
                "Wait": {"Type": "Wait", "Seconds": 1, "Next": "Read"},
                "Read": {"Type": "Pass", "Output": "{% $mine %}", "End": true}}}}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[0, 1, 2]"));
  }

  @Test
  void map_innerAssignments_areGoneAfterTheMap() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
              "M": {"Type": "Map", "Items": [1], "Next": "After",
                "ItemProcessor": {"StartAt": "In", "States": {"In": {"Type": "Pass",
                  "Assign": {"inner": 1}, "End": true}}}},
              "After": {"Type": "Pass", "Output": "{% $exists($inner) %}", "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("false"));
  }

  @Test
  void map_mapStateAssign_isInTheOuterScope() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {
              "M": {"Type": "Map", "ItemsPath": "$.xs", "Assign": {"count.$": "States.ArrayLength($)"},
                "ItemProcessor": {"StartAt": "In", "States": {"In": {"Type": "Pass",
                  "End": true}}}, "Next": "After"},
              "After": {"Type": "Pass", "Parameters": {"count.$": "$count"}, "End": true}}}""",
            "{\"xs\": [1, 2, 3]}");

    assertThat(ended.out()).isEqualTo(json("{\"count\": 3}"));
  }

  @Test
  void parallel_branchesReadOuterVariables() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"x": 42}, "Next": "P"},
              "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass",
                  "Parameters": {"a.$": "$x"}, "End": true}}},
                {"StartAt": "B", "States": {"B": {"QueryLanguage": "JSONata", "Type": "Pass",
                  "Output": {"b": "{% $x + 1 %}"}, "End": true}}}]}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[{\"a\": 42}, {\"b\": 43}]"));
  }

  @Test
  void parallel_branchDoesNotSeeAnotherBranchesAssignments() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Parallel",
              "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"fromA": 1},
                  "Output": "set", "End": true}}},
                {"StartAt": "W", "States": {
                  "W": {"Type": "Wait", "Seconds": 1, "Next": "B"},
                  "B": {"Type": "Pass", "Output": "{% $exists($fromA) %}", "End": true}}}]}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[\"set\", false]"));
  }

  @Test
  void parallel_branchAssignments_areGoneAfterTheParallel() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "After", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"fromA": 1},
                  "End": true}}}]},
              "After": {"Type": "Pass", "Output": "{% $exists($fromA) %}", "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("false"));
  }

  @Test
  void nestedMapInParallel_readsTopLevelAndBranchVariables() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"top": "T"}, "Next": "P"},
              "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "BranchSet", "States": {
                  "BranchSet": {"Type": "Pass", "Assign": {"branch": "B"}, "Result": [1, 2],
                    "Next": "M"},
                  "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "In",
                    "States": {"In": {"Type": "Pass", "Parameters": {
                      "v.$": "States.Format('{}{}{}', $top, $branch, $)"}, "End": true}}}}}}]}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("[[{\"v\": \"TB1\"}, {\"v\": \"TB2\"}]]"));
  }

  @Test
  void nestedScopes_surviveTheCheckpointRoundTrip() {
    String definition =
        """
        {"StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"top": 1}, "Next": "P"},
          "P": {"Type": "Parallel", "Next": "After", "Branches": [
            {"StartAt": "BranchSet", "States": {
              "BranchSet": {"Type": "Pass", "Assign": {"branch": 10}, "Result": [100, 200],
                "Next": "M"},
              "M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                "ItemProcessor": {"StartAt": "Own", "States": {
                  "Own": {"Type": "Pass", "Assign": {"own.$": "$"}, "Next": "W"},
                  "W": {"Type": "Wait", "Seconds": 1, "Next": "Sum"},
                  "Sum": {"Type": "Pass", "Parameters": {
                    "sum.$": "States.MathAdd(States.MathAdd($top, $branch), $own)"},
                    "End": true}}}}}}]},
          "After": {"QueryLanguage": "JSONata", "Type": "Pass",
            "Output": {"result": "{% $states.input %}", "top": "{% $top %}",
              "branchGone": "{% $not($exists($branch)) %}"}, "End": true}}}""";

    var ended = Executions.run(definition, "{}", new NoInvoker(), true);

    assertThat(ended.out())
        .isEqualTo(
            json(
                "{\"result\": [[{\"sum\": 111}, {\"sum\": 211}]], \"top\": 1,"
                    + " \"branchGone\": true}"));
  }
}
