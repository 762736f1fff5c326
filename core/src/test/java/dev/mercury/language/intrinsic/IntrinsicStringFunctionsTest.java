package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static dev.mercury.language.intrinsic.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/string-split-*.json and escape-sequence.json. */
class IntrinsicStringFunctionsTest {
  private static final String SPLIT =
      "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\" \"|\",\"|[\" \"]",
        "\",,,,\"|\",\"|[]",
        "\"This.is+a,test=string\"|\".+,=\"|[\"This\", \"is\", \"a\", \"test\", \"string\"]",
        "\"split on T and \\nnew line\"|\"T\\n\"|[\"split on \", \" and \", \"new line\"]"
      })
  void stringSplit_recordedCases_matchAws(String text, String delimiters, String expected) {
    String input = "{\"fst\": " + text + ", \"snd\": " + delimiters + "}";

    assertThat(evalOnFunctionInput(SPLIT, input)).isEqualTo(json(expected));
  }

  @Test
  void stringSplit_contextObjectInput_dropsEmptyPiecesButKeepsBlankOnes() {
    String value =
        "\"Value1,Value2,Value3\\nValue4,Value5,Value6\\n,,,\\ntrue,1,'HelloWorld'\\nNull,None,"
            + "\\n   \\n\"";
    String contextObject = "{\"Execution\": {\"Input\": {\"FunctionInput\": " + value + "}}}";

    JsonNode result =
        IntrinsicFunction.parse("States.StringSplit($$.Execution.Input.FunctionInput, ',')")
            .evaluate(IntrinsicTesting.context("{}", contextObject, Map.of()));

    assertThat(result)
        .isEqualTo(
            json(
                "[\"Value1\", \"Value2\", \"Value3\\nValue4\", \"Value5\", \"Value6\\n\","
                    + " \"\\ntrue\", \"1\", \"'HelloWorld'\\nNull\", \"None\", \"\\n   \\n\"]"));
  }

  @Test
  void stringSplit_literalNewlines_splitOnNewline() {
    assertThat(eval("States.StringSplit('Hello\nWorld', '\n')"))
        .isEqualTo(json("[\"Hello\", \"World\"]"));
  }

  @Test
  void stringSplit_emptyText_givesNoPieces() {
    assertThat(eval("States.StringSplit('', ',')")).isEqualTo(json("[]"));
  }

  @Test
  void stringSplit_emptyDelimiter_keepsTheWholeText() {
    assertThat(eval("States.StringSplit('abc', '')")).isEqualTo(json("[\"abc\"]"));
  }

  @Test
  void stringSplit_regexCharacters_areLiteralDelimiters() {
    assertThat(eval("States.StringSplit('a|b.c+d', '|.+')"))
        .isEqualTo(json("[\"a\", \"b\", \"c\", \"d\"]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "null", "false", "[\",\"]"})
  void stringSplit_notStrings_isInvalid(String value) {
    assertInvalidArguments(
        "States.StringSplit($.v, ',')", "{\"v\": " + value + "}", "States.StringSplit");
    assertInvalidArguments(
        "States.StringSplit('a,b', $.v)", "{\"v\": " + value + "}", "States.StringSplit");
  }
}
