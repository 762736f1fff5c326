package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/format-*.json, context-json-path.json and state-fail. */
class IntrinsicFormatFunctionTest {
  private static final String ONE = "States.Format('Formatting argument {}.', $.FunctionInput)";
  private static final String TWO =
      "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst,"
          + " $.FunctionInput.snd)";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"\"|Formatting argument .",
        "\" \"|Formatting argument  .",
        "\"HelloWorld\"|Formatting argument HelloWorld.",
        "null|Formatting argument null.",
        "1|Formatting argument 1.",
        "1.1|Formatting argument 1.1.",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"|Formatting argument {\"Arg1\": 1, \"Arg2\": []}."
      })
  void format_oneArgument_recordedCasesMatchAws(String value, String expected) {
    assertThat(evalOnFunctionInput(ONE, value).textValue()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"\"|Formatting arguments fst= and snd=.",
        "\"HelloWorld\"|Formatting arguments fst=HelloWorld and snd=HelloWorld.",
        "null|Formatting arguments fst=null and snd=null.",
        "1|Formatting arguments fst=1 and snd=1.",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"|Formatting arguments"
            + " fst={\"Arg1\": 1, \"Arg2\": []} and snd={\"Arg1\": 1, \"Arg2\": []}.",
        "{\"Arg1\": 1, \"Arg2\": []}|Formatting arguments"
            + " fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}."
      })
  void format_twoArguments_recordedCasesMatchAws(String value, String expected) {
    String input = "{\"fst\": " + value + ", \"snd\": " + value + "}";

    assertThat(evalOnFunctionInput(TWO, input).textValue()).isEqualTo(expected);
  }

  @Test
  void format_contextObjectValues_printAsJavaMaps() {
    String call =
        "States.Format('Formatting arguments fst={} and snd={}.', $$.Execution.Name,"
            + " $$.StateMachine)";

    assertThat(eval(call).textValue())
        .isEqualTo(
            "Formatting arguments fst=run-7 and snd={Id=arn:aws:states:us-east-1:111111111111:"
                + "stateMachine:machine-name, Name=machine-name}.");
  }

  @Test
  void format_failStateCausePath_recordedCaseMatchesAws() {
    String input = "{\"Error\": \"error string\", \"Cause\": \"cause string\"}";

    assertThat(eval("States.Format('{}', $.Error)", input).textValue()).isEqualTo("error string");
    assertThat(
            eval(
                    "States.Format('This is a custom error message for {}, caused by {}.',"
                        + " $.Error, $.Cause)",
                    input)
                .textValue())
        .isEqualTo("This is a custom error message for error string, caused by cause string.");
  }

  @Test
  void format_valuesOfEveryType_printAsJavaPrintsThem() {
    String input =
        "{\"b\": false, \"f\": 3.5, \"w\": 1.0, \"big\": 9007199254740991, \"e\": 1e20,"
            + " \"a\": [1, \"x\", null, [true]], \"o\": {\"k\": {\"n\": null}}}";

    assertThat(
            eval(
                    "States.Format('{}|{}|{}|{}|{}|{}|{}', $.b, $.f, $.w, $.big, $.e, $.a, $.o)",
                    input)
                .textValue())
        .isEqualTo("false|3.5|1.0|9007199254740991|1.0E20|[1, x, null, [true]]|{k={n=null}}");
  }

  @Test
  void format_withNestedCall_insertsResult() {
    String input = "{\"svc\": \"lambda\", \"obj\": {\"k\": 1}}";

    assertThat(
            eval("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))", input)
                .textValue())
        .isEqualTo("arn:lambda:{\"k\":1}");
  }

  @Test
  void format_noPlaceholders_returnsTemplate() {
    assertThat(eval("States.Format('no placeholders')").textValue()).isEqualTo("no placeholders");
  }

  @Test
  void format_escapedBracesAndQuotes_areLiteralText() {
    assertThat(eval("States.Format('\\{\\} {} \\'q\\' \\\\', 'x')").textValue())
        .isEqualTo("{} x 'q' \\");
  }

  @Test
  void format_templateFromPath_usesItsPlaceholders() {
    assertThat(
            eval("States.Format($.t, $.n)", "{\"t\": \"Hello, my name is {}.\", \"n\": \"Arnav\"}")
                .textValue())
        .isEqualTo("Hello, my name is Arnav.");
  }

  @Test
  void format_templateFromVariable_usesItsPlaceholders() {
    var context = IntrinsicTesting.context("{}", Map.of("AnswerTemplate", "\"It's {}!\""));

    var result =
        IntrinsicFunction.parse("States.Format($AnswerTemplate, $$.State.Name)").evaluate(context);

    assertThat(result.textValue()).isEqualTo("It's State_0!");
  }

  @Test
  void format_templateFromPath_keepsBackslashesAndLoneBraces() {
    assertThat(eval("States.Format($.t, 1)", "{\"t\": \"C:\\\\{} {x\"}").textValue())
        .isEqualTo("C:\\1 {x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'{} {}', $.a", "'{}', $.a, $.a", "'none', $.a"})
  void format_placeholderCountDiffersFromValues_isInvalid(String arguments) {
    assertInvalidArguments("States.Format(" + arguments + ")", "{\"a\": \"x\"}", "States.Format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'Hello {', $.a", "'Hello {{}}', $.a", "'}'", "'{ }', $.a"})
  void format_malformedLiteralTemplate_isInvalid(String arguments) {
    assertInvalidArguments("States.Format(" + arguments + ")", "{\"a\": \"x\"}", "States.Format");
  }

  @Test
  void format_templateNotAString_isInvalid() {
    assertInvalidArguments(
        "States.Format($.t, $.n)", "{\"t\": 123, \"n\": \"Ada\"}", "States.Format");
    assertInvalidArguments("States.Format(1)", "States.Format");
  }
}
