package dev.mercury.language.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Definitions of any shape get diagnostics, never exceptions: each value of a definition that uses
 * every state type is replaced in turn by each kind of JSON value.
 */
class ValidatorRobustnessTest {
  private static final String RICH =
      """
      {"StartAt": "T", "TimeoutSeconds": 9, "States": {
        "T": {"Type": "Task", "Resource": "arn:x", "Parameters": {"a.$": "$.a", "b": [{"c.$": "$$"}]},
              "TimeoutSeconds": 5, "HeartbeatSeconds": 1, "ResultPath": "$.r", "Next": "C",
              "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 1, "BackoffRate": 2}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": "$.e"}]},
        "C": {"Type": "Choice", "Default": "W", "Assign": {"v": 1}, "Choices": [
              {"And": [{"Variable": "$.a", "IsPresent": true},
                       {"Not": {"Variable": "$.b", "StringEquals": "x"}}], "Next": "P"}]},
        "W": {"Type": "Wait", "Timestamp": "2024-01-01T00:00:00Z", "Next": "P"},
        "P": {"Type": "Parallel", "Next": "M", "Branches": [
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": 1, "End": true}}}]},
        "M": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"i.$": "$$.Map.Item.Value"},
              "MaxConcurrency": 2, "ItemBatcher": {"MaxItemsPerBatch": 3}, "Next": "J",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "I",
                                "States": {"I": {"Type": "Succeed"}}}},
        "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}",
              "Assign": {"w": "{% 1 %}"}, "Next": "S"},
        "S": {"Type": "Succeed"},
        "F": {"Type": "Fail", "ErrorPath": "States.Format('{}', $.e)", "Cause": "c"}
      }}
      """;

  @Test
  void everyValue_replacedByAnyKindOfJson_givesDiagnosticsAndNoException() {
    JsonNode definition = Json.parseTrusted(RICH);
    assertThat(Validator.validate(RICH)).isEmpty();
    List<JsonNode> replacements =
        List.of(
            Json.NODES.nullNode(),
            Json.NODES.numberNode(-1),
            Json.NODES.textNode("x"),
            Json.NODES.booleanNode(true),
            Json.NODES.arrayNode(),
            Json.NODES.objectNode(),
            Json.parseTrusted("[1, {\"a.$\": 2}]"));

    int validated = 0;
    for (List<Object> path : paths(definition)) {
      for (JsonNode replacement : replacements) {
        JsonNode changed = definition.deepCopy();
        replace(changed, path, replacement);
        assertWellFormed(Validator.validate(Json.write(changed)));
        validated++;
      }
    }
    assertThat(validated).isGreaterThan(500);
  }

  private static void assertWellFormed(List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      assertThat(diagnostic.line()).isPositive();
      assertThat(diagnostic.column()).isPositive();
      assertThat(diagnostic.code()).matches("[a-z]+(-[a-z]+)*");
      assertThat(diagnostic.message()).isNotBlank().doesNotContain("null:");
    }
  }

  /** The path (field names and indexes) to every value below the root. */
  private static List<List<Object>> paths(JsonNode root) {
    List<List<Object>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(JsonNode node, List<Object> at, List<List<Object>> paths) {
    if (!at.isEmpty()) {
      paths.add(List.copyOf(at));
    }
    List<Object> steps = new ArrayList<>();
    node.fieldNames().forEachRemaining(steps::add);
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      steps.add(i);
    }
    for (Object step : steps) {
      at.add(step);
      collect(step instanceof String name ? node.get(name) : node.get((Integer) step), at, paths);
      at.remove(at.size() - 1);
    }
  }

  private static void replace(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode parent = root;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof String name) {
      ((ObjectNode) parent).set(name, value);
    } else {
      ((ArrayNode) parent).set((Integer) last, value);
    }
  }
}
