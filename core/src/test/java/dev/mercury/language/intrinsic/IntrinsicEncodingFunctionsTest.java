package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/base-64-*.json, and the limits AWS documents. */
class IntrinsicEncodingFunctionsTest {

  @Test
  void base64Encode_recordedCase_encodesUtf8() {
    assertThat(
            evalOnFunctionInput("States.Base64Encode($.FunctionInput)", "\"Data to encode\"")
                .textValue())
        .isEqualTo("RGF0YSB0byBlbmNvZGU=");
  }

  @ParameterizedTest
  @CsvSource({"'',''", "hello,aGVsbG8=", "✓,4pyT", "こんにちは,44GT44KT44Gr44Gh44Gv", "🚀,8J+agA=="})
  void base64Encode_text_encodesItsUtf8Bytes(String text, String expected) {
    assertThat(eval("States.Base64Encode($.s)", "{\"s\": \"" + text + "\"}").textValue())
        .isEqualTo(expected);
  }

  @Test
  void base64Encode_longInput_hasNoLineBreaks() {
    String encoded =
        eval("States.Base64Encode($.s)", "{\"s\": \"" + "a".repeat(10_000) + "\"}").textValue();

    assertThat(encoded).doesNotContain("\n", "\r").hasSize(13_336);
  }

  @Test
  void base64Encode_overTenThousandCharacters_isInvalid() {
    assertInvalidArguments(
        "States.Base64Encode($.s)",
        "{\"s\": \"" + "a".repeat(10_001) + "\"}",
        "States.Base64Encode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "$.o", "$.a", "null"})
  void base64Encode_notAString_isInvalid(String argument) {
    assertInvalidArguments(
        "States.Base64Encode(" + argument + ")",
        "{\"o\": {}, \"a\": [\"x\"]}",
        "States.Base64Encode");
  }

  @Test
  void base64Decode_recordedCase_decodesEmptyString() {
    assertThat(evalOnFunctionInput("States.Base64Decode($.FunctionInput)", "\"\"").textValue())
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"RGF0YSB0byBlbmNvZGU=,Data to encode", "4pyT,✓", "IA==,' '", "YWJjZA==,abcd"})
  void base64Decode_text_decodesUtf8(String encoded, String expected) {
    assertThat(eval("States.Base64Decode('" + encoded + "')").textValue()).isEqualTo(expected);
  }

  @Test
  void base64Decode_withNulByte_keepsIt() {
    assertThat(eval("States.Base64Decode('YWJjAGRlZg==')").textValue()).isEqualTo("abc\u0000def");
  }

  @Test
  void base64Decode_malformedInput_isDecodedLenientlyLikeAws() {
    assertThat(eval("States.Base64Decode(' YWJjZA== ')").textValue()).isEqualTo("abcd");
    assertThat(eval("States.Base64Decode('abc')").textValue()).isEqualTo("i\uFFFD");
    assertThat(eval("States.Base64Decode('ab==cd')").textValue()).isEqualTo("i");
    assertThat(eval("States.Base64Decode('!!!invalid!!!')").textValue())
        .isEqualTo(new String(Base64.getDecoder().decode("invalid")));
  }

  @Test
  void base64Decode_tenThousandCharacters_isAccepted() {
    assertThat(
            eval("States.Base64Decode($.s)", "{\"s\": \"" + "A".repeat(10_000) + "\"}").textValue())
        .hasSize(7_500);
  }

  @Test
  void base64Decode_overTenThousandCharacters_isInvalid() {
    assertInvalidArguments(
        "States.Base64Decode($.s)",
        "{\"s\": \"" + "A".repeat(10_001) + "\"}",
        "States.Base64Decode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "$.o", "null"})
  void base64Decode_notAString_isInvalid(String argument) {
    assertInvalidArguments(
        "States.Base64Decode(" + argument + ")", "{\"o\": {}}", "States.Base64Decode");
  }

  @Test
  void base64_roundTrip_returnsTheText() {
    assertThat(
            eval("States.Base64Decode(States.Base64Encode($.s))", "{\"s\": \"hello\"}").textValue())
        .isEqualTo("hello");
  }
}
