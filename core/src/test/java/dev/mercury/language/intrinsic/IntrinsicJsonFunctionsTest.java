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

/** The recorded AWS cases intrinsic/string-to-json-*, json-to-string-* and json-merge-*. */
class IntrinsicJsonFunctionsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"\"|null",
        "\" \"|null",
        "\"null\"|null",
        "\"-0\"|0",
        "\"1\"|1",
        "\"1.1\"|1.1",
        "\"true\"|true",
        "\"\\\"HelloWorld\\\"\"|\"HelloWorld\"",
        "\"[1, 2, \\\"HelloWorld\\\"]\"|[1, 2, \"HelloWorld\"]",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"|{\"Arg1\": 1, \"Arg2\": []}"
      })
  void stringToJson_recordedCases_matchAws(String value, String expected) {
    assertThat(evalOnFunctionInput("States.StringToJson($.FunctionInput)", value))
        .isEqualTo(json(expected));
  }

  @Test
  void stringToJson_surroundingBlanks_areIgnored() {
    assertThat(eval("States.StringToJson($.j)", "{\"j\": \" {\\\"a\\\":1} \"}"))
        .isEqualTo(json("{\"a\": 1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad json}", "{\\\"a\\\":1", "undefined", "1 2"})
  void stringToJson_malformedJson_isInvalid(String text) {
    assertInvalidArguments(
        "States.StringToJson($.j)", "{\"j\": \"" + text + "\"}", "States.StringToJson");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "{\"a\": 1}", "[1, 2]", "null"})
  void stringToJson_notAString_isInvalid(String value) {
    assertInvalidArguments(
        "States.StringToJson($.j)", "{\"j\": " + value + "}", "States.StringToJson");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null|null",
        "0|0",
        "-0|0",
        "1|1",
        "1.1|1.1",
        "1.0|1.0",
        "true|true",
        "\"HelloWorld\"|\"HelloWorld\"",
        "[1, 2, \"HelloWorld\"]|[1,2,\"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []}|{\"Arg1\":1,\"Arg2\":[]}"
      })
  void jsonToString_recordedCases_areCompactJackson(String value, String expected) {
    assertThat(evalOnFunctionInput("States.JsonToString($.FunctionInput)", value).textValue())
        .isEqualTo(expected);
  }

  @Test
  void jsonToString_literalString_isQuoted() {
    assertThat(eval("States.JsonToString('x')").textValue()).isEqualTo("\"x\"");
  }

  @Test
  void jsonToString_thenStringToJson_roundTrips() {
    String input = "{\"o\": {\"a\": 1, \"nested\": {\"ok\": true}}}";

    assertThat(eval("States.StringToJson(States.JsonToString($.o))", input))
        .isEqualTo(json("{\"a\": 1, \"nested\": {\"ok\": true}}"));
  }

  @Test
  void jsonMerge_recordedEscapedArgument_mergesLiteralAndContext() {
    JsonNode result =
        eval(
            "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'),"
                + " $$.Execution.Input, false)",
            "{}");

    assertThat(result)
        .isEqualTo(json("{\"constant_in_literal\": \"false\", \"FunctionInput\": \"a,b\"}"));
  }

  @Test
  void jsonMerge_sharedKey_takesTheSecondValueWithoutMergingNested() {
    String input =
        "{\"a\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2, \"d\": 3},"
            + " \"b\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3, \"d\": 4}}";

    assertThat(eval("States.JsonMerge($.a, $.b, false)", input))
        .isEqualTo(json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"d\": 4, \"c\": 3}"));
  }

  @Test
  void jsonMerge_leavesItsInputsUnchanged() {
    String input = "{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}}";
    var context = IntrinsicTesting.context(input);

    IntrinsicFunction.parse("States.JsonMerge($.a, $.b, false)").evaluate(context);

    assertThat(context.input()).isEqualTo(json(input));
  }

  @Test
  void jsonMerge_deepTrue_isRejectedAsOnAws() {
    assertInvalidArguments(
        "States.JsonMerge($.a, $.b, true)", "{\"a\": {}, \"b\": {}}", "States.JsonMerge");
  }

  @Test
  void jsonMerge_nonBooleanDeepFlag_mergesShallowly() {
    assertThat(
            eval("States.JsonMerge($.a, $.b, 'false')", "{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}}"))
        .isEqualTo(json("{\"x\": 1, \"y\": 2}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "\"x\"", "1"})
  void jsonMerge_notAnObject_isInvalid(String value) {
    assertInvalidArguments(
        "States.JsonMerge($.a, $.b, false)",
        "{\"a\": " + value + ", \"b\": {}}",
        "States.JsonMerge");
    assertInvalidArguments(
        "States.JsonMerge($.a, $.b, false)",
        "{\"a\": {}, \"b\": " + value + "}",
        "States.JsonMerge");
  }
}
