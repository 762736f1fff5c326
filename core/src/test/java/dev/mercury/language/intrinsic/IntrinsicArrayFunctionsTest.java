package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static dev.mercury.language.intrinsic.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/array-*.json, and the failures AWS reports. */
class IntrinsicArrayFunctionsTest {
  private static final String PAIR = "($.FunctionInput.fst, $.FunctionInput.snd)";

  @Test
  void array_noArguments_isEmpty() {
    assertThat(evalOnFunctionInput("States.Array()", "\"HelloWorld\"")).isEqualTo(json("[]"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\" \"",
        "\"HelloWorld\"",
        "null",
        "1",
        "1.1",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"",
        "{\"Arg1\": 1, \"Arg2\": []}"
      })
  void array_pathArguments_keepValuesUnchanged(String value) {
    JsonNode result =
        evalOnFunctionInput(
            "States.Array" + PAIR, "{\"fst\": " + value + ", \"snd\": " + value + "}");

    assertThat(result).isEqualTo(json("[" + value + ", " + value + "]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|1|[]",
        "[]|2|[]",
        "[]|3|[]",
        "[0]|2|[[0]]",
        "[0]|3|[[0]]",
        "[0]|4|[[0]]",
        "[0]|5|[[0]]",
        "[0, 1]|1|[[0], [1]]",
        "[0, 1]|2|[[0, 1]]",
        "[0, 1]|4|[[0, 1]]",
        "[0, 1, 2]|1|[[0], [1], [2]]",
        "[0, 1, 2]|3|[[0, 1, 2]]",
        "[0, 1, 2]|4|[[0, 1, 2]]",
        "[0, 1, 2, 3]|2|[[0, 1], [2, 3]]",
        "[0, 1, 2, 3]|3|[[0, 1, 2], [3]]",
        "[0, 1, 2, 3]|4|[[0, 1, 2, 3]]",
        "[0, 1, 2, 3]|5|[[0, 1, 2, 3]]"
      })
  void arrayPartition_recordedCases_matchAws(String array, String size, String expected) {
    JsonNode result =
        evalOnFunctionInput(
            "States.ArrayPartition" + PAIR, "{\"fst\": " + array + ", \"snd\": " + size + "}");

    assertThat(result).isEqualTo(json(expected));
  }

  @Test
  void arrayPartition_fractionalSize_isTruncated() {
    assertThat(eval("States.ArrayPartition($.a, 2.6)", "{\"a\": [1, 2, 3, 4, 5]}"))
        .isEqualTo(json("[[1, 2], [3, 4], [5]]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0.49", "0.6", "-0.4", "'2'", "null"})
  void arrayPartition_sizeNotAPositiveInteger_isInvalid(String size) {
    assertInvalidArguments(
        "States.ArrayPartition($.a, " + size + ")", "{\"a\": [1, 2, 3]}", "States.ArrayPartition");
  }

  @Test
  void arrayPartition_notAnArray_isInvalid() {
    assertInvalidArguments("States.ArrayPartition('not-array', 2)", "States.ArrayPartition");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|[]|false",
        "[]|null|false",
        "[]|1|false",
        "[[1, 2, 3], 2]|null|false",
        "[[1, 2, 3], 2]|[1, 2, 3]|true",
        "[{\"1\": 2, \"2\": []}]|[]|false",
        "[{\"1\": 2, \"2\": []}]|{\"1\": 2, \"2\": []}|true",
        "[true, false]|true|true",
        "[true, false]|false|true"
      })
  void arrayContains_recordedCases_matchAws(String array, String value, boolean expected) {
    JsonNode result =
        evalOnFunctionInput(
            "States.ArrayContains" + PAIR, "{\"fst\": " + array + ", \"snd\": " + value + "}");

    assertThat(result.booleanValue()).isEqualTo(expected);
  }

  @Test
  void arrayContains_comparesPrintedForms_likeAws() {
    assertThat(eval("States.ArrayContains($.a, true)", "{\"a\": [\"true\"]}").booleanValue())
        .isTrue();
    assertThat(
            eval("States.ArrayContains($.a, $.n)", "{\"a\": [\"42\"], \"n\": 42}").booleanValue())
        .isTrue();
    assertThat(eval("States.ArrayContains($.a, false)", "{\"a\": [0, 1, -1.5]}").booleanValue())
        .isFalse();
  }

  @Test
  void arrayContains_objectWithOtherKeyOrder_doesNotMatch() {
    String input = "{\"a\": [{\"a\": 1, \"b\": 2}], \"t\": {\"b\": 2, \"a\": 1}}";

    assertThat(eval("States.ArrayContains($.a, $.t)", input).booleanValue()).isFalse();
  }

  @Test
  void arrayContains_notAnArray_isInvalid() {
    assertInvalidArguments("States.ArrayContains('not-array', 'x')", "States.ArrayContains");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|9|3|[0, 3, 6, 9]",
        "0|10|3|[0, 3, 6, 9]",
        "1|9|9|[1]",
        "1|9|2|[1, 3, 5, 7, 9]",
        "3|3|-1|[3]",
        "5|1|-2|[5, 3, 1]",
        "5|1|1|[]",
        "1|5|-1|[]",
        "-2|2|2|[-2, 0, 2]"
      })
  void arrayRange_boundsAndStep_matchAws(String first, String last, String step, String expected) {
    String input = "{\"fst\": " + first + ", \"snd\": " + last + ", \"trd\": " + step + "}";

    JsonNode result =
        evalOnFunctionInput(
            "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
            input);

    assertThat(result).isEqualTo(json(expected));
  }

  @Test
  void arrayRange_fractionalArguments_areTruncated() {
    assertThat(eval("States.ArrayRange(1.4, 5.6, 2.2)")).isEqualTo(json("[1, 3, 5]"));
    assertThat(eval("States.ArrayRange(1.6, 1.4, 1)")).isEqualTo(json("[1]"));
    assertThat(eval("States.ArrayRange(5.4, -0.6, -2.4)")).isEqualTo(json("[5, 3, 1]"));
  }

  @Test
  void arrayRange_thousandElements_isTheLimit() {
    assertThat(eval("States.ArrayRange(1, 1000, 1)")).hasSize(1000);
    assertThat(eval("States.ArrayRange(1000, 1, -1)")).hasSize(1000);
    assertInvalidArguments("States.ArrayRange(1, 1001, 1)", "States.ArrayRange");
    assertInvalidArguments("States.ArrayRange(1001, 1, -1)", "States.ArrayRange");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1, 10, 0", "1, 10, 0.49", "'a', 5, 1", "1, 'b', 1", "1, 5, 'c'"})
  void arrayRange_zeroStepOrNonNumber_isInvalid(String arguments) {
    assertInvalidArguments("States.ArrayRange(" + arguments + ")", "States.ArrayRange");
  }

  @Test
  void arrayRange_largeSpanWithLargeStep_fitsTheLimit() {
    assertThat(eval("States.ArrayRange(-2147483648, 2147483647, 2147483647)"))
        .isEqualTo(json("[-2147483648, -1, 2147483646]"));
  }

  @Test
  void arrayGetItem_recordedCase_returnsTheElement() {
    JsonNode result =
        evalOnFunctionInput(
            "States.ArrayGetItem" + PAIR, "{\"fst\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"snd\": 5}");

    assertThat(result).isEqualTo(json("6"));
  }

  @Test
  void arrayGetItem_fractionalIndex_isTruncated() {
    assertThat(eval("States.ArrayGetItem($.a, 1.2)", "{\"a\": [10, 20, 30]}"))
        .isEqualTo(json("20"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "-1", "'1'", "null"})
  void arrayGetItem_indexOutOfRangeOrNotNumber_isInvalid(String index) {
    assertInvalidArguments(
        "States.ArrayGetItem($.a, " + index + ")", "{\"a\": [10, 20, 30]}", "States.ArrayGetItem");
  }

  @Test
  void arrayGetItem_notAnArray_isInvalid() {
    assertInvalidArguments("States.ArrayGetItem('not-array', 0)", "States.ArrayGetItem");
  }

  @Test
  void arrayLength_recordedCase_countsElements() {
    assertThat(
            evalOnFunctionInput(
                "States.ArrayLength($.FunctionInput)", "[1, 2, 3, 4, 5, 6, 7, 8, 9]"))
        .isEqualTo(json("9"));
  }

  @Test
  void arrayLength_mixedDuplicates_countsEveryElement() {
    String values =
        "[null, null, true, true, false, false, 1, 1, 1.1, 0, 0, \"HelloWorld\", \"HelloWorld\","
            + " [], [], [null], [null], {\"a\": 1, \"b\": 2}, {\"a\": 1, \"b\": 2},"
            + " {\"a\": 1, \"b\": 1}]";

    assertThat(evalOnFunctionInput("States.ArrayLength($.FunctionInput)", values))
        .isEqualTo(json("20"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'not-array'", "$.o", "$.n"})
  void arrayLength_notAnArray_isInvalid(String argument) {
    assertInvalidArguments(
        "States.ArrayLength(" + argument + ")",
        "{\"o\": {\"k\": 1}, \"n\": null}",
        "States.ArrayLength");
  }

  @Test
  void arrayUnique_duplicates_areRemoved() {
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [1, 2, 3, 3, 3, 3, 3, 3, 4]}"))
        .isEqualTo(json("[1, 2, 3, 4]"));
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [null, null, 1, null]}"))
        .isEqualTo(json("[null, 1]"));
  }

  @Test
  void arrayUnique_order_isJavaHashSetOrderAsOnAws() {
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [true, false, true, false]}"))
        .isEqualTo(json("[false, true]"));
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [[1, 2], [1, 2], [2, 1]]}"))
        .isEqualTo(json("[[2, 1], [1, 2]]"));
  }

  @Test
  void arrayUnique_objectsWithOtherKeyOrder_areDuplicates() {
    JsonNode result =
        eval("States.ArrayUnique($.a)", "{\"a\": [{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]}");

    assertThat(result).hasSize(1);
    assertThat(result.get(0).fieldNames()).toIterable().containsExactly("a", "b");
  }

  @Test
  void arrayUnique_integerAndFloat_areDistinct() {
    // Double 1.0 hashes to an earlier bucket than Integer 1, so it comes first.
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [1, 1.0, 1]}")).isEqualTo(json("[1.0, 1]"));
  }

  @Test
  void arrayUnique_notAnArray_isInvalid() {
    assertInvalidArguments("States.ArrayUnique('not-array')", "States.ArrayUnique");
  }
}
