package dev.mercury.language.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.ResultPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataProcessingTest {

  private static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }

  @Test
  void applyResultPath_leavesInputAsItWas() {
    JsonNode input =
        json("{\"a\": {\"b\": {\"old\": 1}, \"keep\": [1, 2]}, \"other\": {\"x\": 1}}");
    String before = Json.write(input);

    JsonNode output =
        DataProcessing.applyResultPath(
            new ResultPath("$.a.b", List.of("a", "b"), false), input, json("{\"new\": 2}"));

    assertThat(Json.write(input)).isEqualTo(before);
    assertThat(output)
        .isEqualTo(json("{\"a\": {\"b\": {\"new\": 2}, \"keep\": [1, 2]}, \"other\": {\"x\": 1}}"));
  }

  @Test
  void applyResultPath_sharesWhatIsNotOnThePath() {
    JsonNode input = json("{\"a\": {\"b\": 1, \"keep\": [1, 2]}, \"other\": {\"x\": 1}}");

    JsonNode output =
        DataProcessing.applyResultPath(
            new ResultPath("$.a.b", List.of("a", "b"), false), input, json("3"));

    assertThat(output.get("other")).isSameAs(input.get("other"));
    assertThat(output.get("a").get("keep")).isSameAs(input.get("a").get("keep"));
    assertThat(output.get("a")).isNotSameAs(input.get("a"));
  }

  @Test
  void applyResultPath_intoAnArrayElement_copiesTheArray() {
    JsonNode input = json("{\"list\": [{\"v\": 1}, {\"v\": 2}]}");

    JsonNode output =
        DataProcessing.applyResultPath(
            new ResultPath("$.list[1].v", List.of("list", 1, "v"), false), input, json("9"));

    assertThat(output).isEqualTo(json("{\"list\": [{\"v\": 1}, {\"v\": 9}]}"));
    assertThat(input).isEqualTo(json("{\"list\": [{\"v\": 1}, {\"v\": 2}]}"));
    assertThat(output.get("list").get(0)).isSameAs(input.get("list").get(0));
  }

  @Test
  void applyResultPath_createsMissingObjectsAndReplacesScalars() {
    JsonNode input = json("{\"a\": 5}");

    JsonNode output =
        DataProcessing.applyResultPath(
            new ResultPath("$.a.b.c", List.of("a", "b", "c"), false), input, json("true"));

    assertThat(output).isEqualTo(json("{\"a\": {\"b\": {\"c\": true}}}"));
    assertThat(input).isEqualTo(json("{\"a\": 5}"));
  }

  @Test
  void applyResultPath_indexPastTheEnd_failsWithMatchFailure() {
    JsonNode input = json("{\"list\": [1]}");

    assertThatThrownBy(
            () ->
                DataProcessing.applyResultPath(
                    new ResultPath("$.list[3]", List.of("list", 3), false), input, json("1")))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure");
              assertThat(e.cause())
                  .isEqualTo("Unable to apply ResultPath '$.list[3]' to input '{\"list\":[1]}'");
            });
  }
}
