package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertParseFails;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntrinsicParsingTest {

  @Test
  void isCall_statesPrefix_isTrue() {
    assertThat(IntrinsicFunction.isCall("States.Array()")).isTrue();
    assertThat(IntrinsicFunction.isCall("States.Anything")).isTrue();
  }

  @Test
  void isCall_pathOrOtherText_isFalse() {
    assertThat(IntrinsicFunction.isCall("$.a")).isFalse();
    assertThat(IntrinsicFunction.isCall(" States.Array()")).isFalse();
    assertThat(IntrinsicFunction.isCall("states.Array()")).isFalse();
    assertThat(IntrinsicFunction.isCall(null)).isFalse();
  }

  @Test
  void text_afterParse_isTheSourceText() {
    String text = "States.Format('Hello {}', $.name)";

    assertThat(IntrinsicFunction.parse(text).text()).isEqualTo(text);
    assertThat(IntrinsicFunction.parse(text)).hasToString(text);
  }

  @Test
  void parse_blanksAroundArguments_areIgnored() {
    assertThat(eval("States.Array( $.a ,\t$.b\n)  ", "{\"a\": 1, \"b\": 2}"))
        .isEqualTo(json("[1, 2]"));
    assertThat(eval("States.Array( )")).isEqualTo(json("[]"));
  }

  @Test
  void parse_literals_becomeJsonValues() {
    assertThat(eval("States.Array(42, -7, 1.5, -0.25, 2e3, true, false, null, 'hello')"))
        .isEqualTo(json("[42, -7, 1.5, -0.25, 2000.0, true, false, null, \"hello\"]"));
  }

  @Test
  void parse_floatLiteral_keepsJacksonNumberType() {
    assertThat(eval("States.Array(1.0)").get(0).isDouble()).isTrue();
    assertThat(eval("States.Array(1)").get(0).isInt()).isTrue();
    assertThat(eval("States.Array(9007199254740991)").get(0).isLong()).isTrue();
  }

  @Test
  void parse_reservedEscapes_resolveToTheCharacter() {
    assertThat(eval("States.Array('it\\'s', '\\{x\\}', 'back\\\\slash')"))
        .isEqualTo(json("[\"it's\", \"{x}\", \"back\\\\slash\"]"));
  }

  @Test
  void parse_unescapedBracesAndDoubleQuotes_areLiteralText() {
    assertThat(eval("States.Array('{\"a\": \"b\"}')"))
        .isEqualTo(json("[\"{\\\"a\\\": \\\"b\\\"}\"]"));
  }

  @Test
  void parse_nestedCalls_areArguments() {
    assertThat(eval("States.Array(1, States.Array(2, States.Array(3)))"))
        .isEqualTo(json("[1, [2, [3]]]"));
  }

  @Test
  void parse_pathWithBracketsSpacesAndFilter_isOneArgument() {
    String input = "{\"a\": {\"b c\": 1}, \"items\": [{\"v\": 1}, {\"v\": 2}]}";

    assertThat(eval("States.Array($.a['b c'], $.items[?(@.v > 1)].v)", input))
        .isEqualTo(json("[1, [2]]"));
  }

  @Test
  void parse_pathFunctionCall_keepsItsParentheses() {
    assertThat(eval("States.Array($.items.length())", "{\"items\": [1, 2, 3]}"))
        .isEqualTo(json("[3]"));
  }

  @Test
  void parse_unknownFunction_namesItAndItsOffset() {
    assertParseFails("States.Array(States.Nope(1))", "'States.Nope' is not an intrinsic function");
    assertParseFails("States.Array(States.Nope(1))", "at offset 13");
  }

  @Test
  void parse_notStartingWithStates_fails() {
    assertParseFails("$.a", "must start with States. at offset 0");
    assertParseFails("Format('x')", "unexpected 'Format' at offset 0");
  }

  @Test
  void parse_fixedArityViolated_failsWithCounts() {
    assertParseFails(
        "States.ArrayLength($.a, 999)",
        "States.ArrayLength takes 1 argument but was given 2 at offset 0");
    assertParseFails(
        "States.ArrayRange(1, 5)", "States.ArrayRange takes 3 arguments but was given 2");
    assertParseFails("States.Hash()", "States.Hash takes 2 arguments but was given 0");
    assertParseFails("States.JsonMerge($.a, $.b)", "States.JsonMerge takes 3 arguments");
    assertParseFails("States.Format()", "States.Format takes at least 1 argument but was given 0");
  }

  @Test
  void parse_mathRandom_takesTwoOrThreeArguments() {
    assertParseFails(
        "States.MathRandom(1)", "States.MathRandom takes 2 or 3 arguments but was given 1");
    assertParseFails("States.MathRandom(1, 10, 5, 99)", "but was given 4");
    assertThat(IntrinsicFunction.parse("States.MathRandom(1, 10)")).isNotNull();
    assertThat(IntrinsicFunction.parse("States.MathRandom(1, 10, 5)")).isNotNull();
  }

  @Test
  void parse_nestedArityViolated_pointsAtTheNestedCall() {
    assertParseFails("States.Array(1, States.ArrayLength())", "at offset 16");
  }

  @Test
  void parse_missingClosingParenthesis_fails() {
    assertParseFails("States.Array(", "expected an argument at offset 13");
    assertParseFails("States.ArrayLength($.arr", "expected ',' or ')' at offset 24");
  }

  @Test
  void parse_missingOpeningParenthesis_fails() {
    assertParseFails("States.UUID", "expected '(' after States.UUID at offset 11");
    assertParseFails("States.UUID)", "expected '(' after States.UUID at offset 11");
  }

  @Test
  void parse_trailingTokens_fail() {
    assertParseFails("States.Array($.a) trailing", "unexpected 'trailing' at offset 18");
    assertParseFails("States.Array() ,", "unexpected ',' after the call at offset 15");
  }

  @Test
  void parse_emptyArgumentSlot_fails() {
    assertParseFails("States.ArrayContains($.arr, )", "expected an argument at offset 28");
    assertParseFails("States.UUID(,)", "expected an argument at offset 12");
  }

  @Test
  void parse_unterminatedString_pointsAtItsStart() {
    assertParseFails("States.Format('abc)", "unterminated string literal at offset 14");
  }

  @Test
  void parse_unknownEscape_fails() {
    assertParseFails(
        "States.Base64Decode('YWJj\\nZA==')", "invalid escape sequence '\\n' at offset 25");
    assertParseFails("States.Array('say \\\"hi\\\"')", "invalid escape sequence '\\\"'");
  }

  @Test
  void parse_backslashEndingTheText_fails() {
    assertParseFails("States.Array('abc\\", "a backslash must escape one of");
  }

  @Test
  void parse_malformedNumbers_fail() {
    assertParseFails("States.Array(1.)", "malformed number at offset 13");
    assertParseFails("States.Array(-)", "malformed number at offset 13");
    assertParseFails("States.Array(1e)", "malformed number at offset 13");
    assertParseFails("States.Array(.5)", "unexpected character '.' at offset 13");
    assertParseFails("States.Array(01)", "malformed number '01' at offset 13");
  }

  @Test
  void parse_arrayOrObjectLiteral_fails() {
    assertParseFails("States.Array([1,2])", "unexpected character '[' at offset 13");
    assertParseFails("States.Array({})", "unexpected character '{' at offset 13");
  }

  @Test
  void parse_unterminatedPath_fails() {
    assertParseFails("States.Array($.a['b)", "unterminated path at offset 13");
  }

  @Test
  void parse_invalidPath_namesThePath() {
    assertParseFails("States.Array($.a..)", "invalid path '$.a..'");
  }

  @Test
  void parse_null_fails() {
    assertThatThrownBy(() -> IntrinsicFunction.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_literalNewlineInString_isKept() {
    assertThat(eval("States.Array('a\nb')")).isEqualTo(json("[\"a\\nb\"]"));
  }
}
