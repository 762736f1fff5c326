package dev.mercury.language.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercury.language.graph.Flowchart.Arrow;
import dev.mercury.language.graph.Flowchart.Box;
import dev.mercury.language.graph.Flowchart.Chart;
import dev.mercury.language.graph.Flowchart.Kind;
import dev.mercury.language.parse.DefinitionParser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowchartTest {
  private static final String LOOP =
      """
      {"StartAt": "Init", "States": {
        "Done": {"Type": "Succeed"},
        "Init": {"Type": "Pass", "Result": 0, "ResultPath": "$.n", "Next": "Check"},
        "Check": {"Type": "Choice",
          "Choices": [
            {"And": [{"Variable": "$.n", "NumericLessThan": 3},
                     {"Not": {"Variable": "$.stop", "IsPresent": true}}], "Next": "Work"},
            {"Variable": "$.n", "NumericEqualsPath": "$.limit", "Next": "Done"}],
          "Default": "Broken"},
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Check",
          "Catch": [{"ErrorEquals": ["States.Timeout", "Custom"], "Next": "Broken"}]},
        "Broken": {"Type": "Fail", "Error": "Broken"}}}
      """;

  private static final String NESTED =
      """
      {"StartAt": "Fan", "States": {
        "Fan": {"Type": "Parallel", "Next": "Each", "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "End": true}}}]},
        "Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "C", "States": {"C": {"Type": "Pass", "End": true}}}}}}
      """;

  private static Chart chart(String definition) {
    return Flowchart.of(DefinitionParser.parse(definition));
  }

  private static Map<String, Box> byName(Chart chart) {
    return chart.boxes().stream().collect(Collectors.toMap(Box::name, Function.identity()));
  }

  @Test
  void boxes_comeInTheOrderAReaderFollowsFromStartAt() {
    List<String> names = chart(LOOP).boxes().stream().map(Box::name).toList();
    assertEquals(List.of("Init", "Check", "Work", "Done", "Broken"), names);
  }

  @Test
  void arrows_labelChoiceRulesDefaultAndCatchers() {
    Chart chart = chart(LOOP);
    Map<String, Box> boxes = byName(chart);
    String check = boxes.get("Check").id();
    List<Arrow> fromCheck = chart.arrows().stream().filter(a -> a.from().equals(check)).toList();
    assertEquals(
        List.of(
            new Arrow(
                check,
                boxes.get("Work").id(),
                Kind.CHOICE,
                "$.n NumericLessThan 3 and not $.stop IsPresent"),
            new Arrow(check, boxes.get("Done").id(), Kind.CHOICE, "$.n NumericEquals $.limit"),
            new Arrow(check, boxes.get("Broken").id(), Kind.DEFAULT, "Default")),
        fromCheck);
    assertTrue(
        chart
            .arrows()
            .contains(
                new Arrow(
                    boxes.get("Work").id(),
                    boxes.get("Broken").id(),
                    Kind.CATCH,
                    "States.Timeout, Custom")));
    assertTrue(boxes.get("Done").end() && boxes.get("Broken").end());
    assertTrue(!boxes.get("Work").end());
  }

  @Test
  void branchesAndItemProcessors_areNestedChartsWithTheirOwnIds() {
    Chart chart = chart(NESTED);
    Map<String, Box> boxes = byName(chart);
    List<Chart> branches = boxes.get("Fan").nested();
    assertEquals(List.of("Branch 1", "Branch 2"), branches.stream().map(Chart::title).toList());
    assertEquals("A", branches.get(0).boxes().get(0).name());
    assertEquals("Item processor", boxes.get("Each").nested().get(0).title());
    List<String> ids =
        List.of(
            boxes.get("Fan").id(),
            boxes.get("Each").id(),
            branches.get(0).start(),
            branches.get(1).start(),
            boxes.get("Each").nested().get(0).start());
    assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique: " + ids);
  }

  @Test
  void mermaid_drawsShapesArrowsAndSubgraphs() {
    String text = MermaidText.of(chart(NESTED));
    assertTrue(text.startsWith("flowchart TD\n"), text);
    assertTrue(text.contains("s0[[\"Fan<br/><i>Parallel</i>\"]]"), text);
    assertTrue(text.contains("s0 --> s1"), text);
    assertTrue(text.contains("subgraph s0_1 [\"Fan: Branch 2\"]"), text);
    assertTrue(text.contains("start --> s0"), text);
    assertTrue(text.contains("s1 --> finish"), text);
  }

  @Test
  void mermaid_escapesQuotesInLabels() {
    String text =
        MermaidText.of(
            chart(
                """
                {"StartAt": "Say \\"hi\\"", "States": {"Say \\"hi\\"": {"Type": "Succeed"}}}
                """));
    assertTrue(text.contains("[\"Say #quot;hi#quot;<br/>"), text);
  }

  @Test
  void dot_drawsClustersAndDashedCatchArrows() {
    String loop = DotText.of(chart(LOOP));
    assertTrue(loop.startsWith("digraph workflow {"), loop);
    assertTrue(loop.contains("[style=dashed, label=\"Catch States.Timeout, Custom\"]"), loop);
    assertTrue(loop.contains("shape=diamond"), loop);
    String nested = DotText.of(chart(NESTED));
    assertTrue(nested.contains("subgraph cluster_s0_0 {"), nested);
    assertTrue(nested.contains("s0 -> s2 [style=dotted];"), nested);
  }

  @Test
  void longConditions_areShortenedForTheLabel() {
    Chart chart =
        chart(
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.aVeryLongFieldNameIndeed",
                 "StringEquals": "a value that goes on and on and on", "Next": "E"}],
                 "Default": "E"},
              "E": {"Type": "Succeed"}}}
            """);
    String label = chart.arrows().get(0).label();
    assertEquals(ConditionText.MAX_LENGTH, label.length());
    assertTrue(label.endsWith("…") && label.startsWith("$.aVeryLongFieldNameIndeed StringEquals"));
  }
}
