package dev.mercury.language.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.path.Variables;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The functions AWS adds to JSONata ($partition, $range, $hash, $random, $uuid, $parse) and the one
 * it takes away ($eval).
 */
class JsonataFunctionsTest {
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }

  private static JsonNode expr(String expression) {
    StatesBinding binding = new StatesBinding(json("{}"), null, null, Json::object, Variables.NONE);
    // Read back from text so that numbers compare by value, as they do in JSON.
    return json(
        Json.write(
            JsonataEvaluator.evaluate(
                Json.NODES.textNode("{% " + expression + " %}"), "Output", binding)));
  }

  private static String cause(String expression) {
    try {
      expr(expression);
    } catch (StatesError e) {
      assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
      return e.cause();
    }
    throw new AssertionError("expected " + expression + " to fail");
  }

  @Test
  void partition_chunksInOrder_lastChunkShorter() {
    assertThat(expr("$partition([1, 2, 3, 4, 5], 2)")).isEqualTo(json("[[1, 2], [3, 4], [5]]"));
  }

  @Test
  void partition_chunkLargerThanArray_oneChunk() {
    assertThat(expr("$partition([0, 1], 5)")).isEqualTo(json("[[0, 1]]"));
  }

  @Test
  void partition_emptyArray_noChunks() {
    assertThat(expr("$partition([], 3)")).isEqualTo(json("[]"));
  }

  @Test
  void partition_fractionalChunkSize_roundsDown() {
    assertThat(expr("$partition([1, 2, 3], 2.9)")).isEqualTo(json("[[1, 2], [3]]"));
  }

  @Test
  void partition_hugeChunkSize_oneChunk() {
    assertThat(expr("$partition([1, 2], 1e12)")).isEqualTo(json("[[1, 2]]"));
  }

  @Test
  void partition_zeroChunkSize_fails() {
    assertThat(cause("$partition([1], 0)")).contains("threw an error during evaluation.");
  }

  @Test
  void range_endReachedExactly_includesEnd() {
    assertThat(expr("$range(0, 9, 3)")).isEqualTo(json("[0, 3, 6, 9]"));
  }

  @Test
  void range_endBetweenSteps_stopsBeforeIt() {
    assertThat(expr("$range(0, 10, 3)")).isEqualTo(json("[0, 3, 6, 9]"));
  }

  @Test
  void range_negativeStep_countsDown() {
    assertThat(expr("$range(5, 1, -2)")).isEqualTo(json("[5, 3, 1]"));
  }

  @Test
  void range_stepAwayFromEnd_isEmpty() {
    assertThat(expr("$range(1, 5, -1)")).isEqualTo(json("[]"));
  }

  @Test
  void range_fractionalArguments_roundDown() {
    assertThat(expr("$range(-1.5, 1.9, 1.2)")).isEqualTo(json("[-2, -1, 0, 1]"));
  }

  @Test
  void range_zeroStep_fails() {
    assertThat(cause("$range(1, 5, 0)")).contains("threw an error during evaluation.");
  }

  @Test
  void range_moreThanAThousandValues_fails() {
    assertThat(expr("$count($range(1, 1000, 1))")).isEqualTo(json("1000"));
    assertThat(cause("$range(1, 1001, 1)")).contains("threw an error during evaluation.");
  }

  @Test
  void hash_eachAlgorithm_givesItsHexDigest() {
    assertThat(expr("$hash('abc', 'MD5')").textValue())
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(expr("$hash('abc', 'SHA-1')").textValue())
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(expr("$hash('abc', 'SHA-256')").textValue())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(expr("$hash('abc', 'SHA-384')").textValue())
        .isEqualTo(
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7");
    assertThat(expr("$hash('abc', 'SHA-512')").textValue())
        .isEqualTo(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  }

  @Test
  void hash_multiByteText_hashesUtf8() {
    assertThat(expr("$hash('é', 'MD5')").textValue()).isEqualTo("66ddcd97cfdeabb2f6fb8a999b4bc76f");
  }

  @Test
  void hash_unknownAlgorithm_fails() {
    assertThat(cause("$hash('abc', 'SHA-3')")).contains("threw an error during evaluation.");
  }

  @Test
  void random_withoutSeed_isInUnitInterval() {
    for (int i = 0; i < 20; i++) {
      double value = expr("$random()").doubleValue();
      assertThat(value).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
  }

  @Test
  void random_sameSeed_sameNumber() {
    JsonNode first = expr("$random(42)");

    assertThat(expr("$random(42)")).isEqualTo(first);
    assertThat(first.doubleValue()).isGreaterThanOrEqualTo(0).isLessThan(1);
  }

  @Test
  void random_differentSeeds_differentNumbers() {
    assertThat(expr("$random(1)")).isNotEqualTo(expr("$random(2)"));
  }

  @Test
  void uuid_isVersion4_andFreshEachCall() {
    String first = expr("$uuid()").textValue();

    assertThat(first).matches(UUID_V4);
    assertThat(expr("$uuid()").textValue()).isNotEqualTo(first);
  }

  @Test
  void parse_jsonTextOfEachType_givesTheValue() {
    assertThat(expr("$parse('{\"a\": [1, 2.5, true, null]}')"))
        .isEqualTo(json("{\"a\": [1, 2.5, true, null]}"));
    assertThat(expr("$parse('\"text\"')")).isEqualTo(json("\"text\""));
    assertThat(expr("$parse('-0')")).isEqualTo(json("0"));
  }

  @Test
  void parse_notJson_fails() {
    assertThat(cause("$parse('{nope')")).contains("threw an error during evaluation.");
  }

  @Test
  void eval_isNotAFunctionInStepFunctions() {
    assertThat(cause("$eval('1 + 1')"))
        .isEqualTo(
            "The JSONata expression '$eval('1 + 1')' specified for the field 'Output' threw an"
                + " error during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void builtins_fromJsonataItself_stillWork() {
    assertThat(expr("$sum([1, 2, 3]) & '-' & $uppercase('a')")).isEqualTo(json("\"6-A\""));
    assertThat(expr("$merge([{'a': 1}, {'b': 2}])")).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
  }
}
