package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/hash-*.json, and the algorithms and limit AWS documents. */
class IntrinsicHashFunctionTest {

  @ParameterizedTest
  @CsvSource({
    "MD5,812f45842bc6d66ee14572ce20db8e86",
    "SHA-1,aaff4a450a104cd177d28d18d74485e8cae074b7",
    "SHA-256,b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
    "SHA-384,d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6"
        + "123aa008c756511b87525bdc835ebb27e1fb9e9374a15562"
  })
  void hash_recordedCases_matchAws(String algorithm, String expected) {
    String input = "{\"fst\": \"input data\", \"snd\": \"" + algorithm + "\"}";

    assertThat(
            evalOnFunctionInput("States.Hash($.FunctionInput.fst, $.FunctionInput.snd)", input)
                .textValue())
        .isEqualTo(expected);
  }

  @Test
  void hash_sha512_isLowercaseHex() {
    assertThat(eval("States.Hash('hello', 'SHA-512')").textValue())
        .isEqualTo(
            "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043");
  }

  @Test
  void hash_unicode_hashesUtf8Bytes() {
    assertThat(eval("States.Hash($.s, 'SHA-256')", "{\"s\": \"✓\"}").textValue())
        .isEqualTo("1dabba21cdad44541f6b15796f8d22978fc7ea10c46aeceeeeb66c23b3ac7604");
  }

  @Test
  void hash_emptyString_hashesNothing() {
    assertThat(eval("States.Hash('', 'SHA-256')").textValue())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hash_number_hashesItsPrintedText() {
    assertThat(eval("States.Hash(123, 'MD5')")).isEqualTo(eval("States.Hash('123', 'MD5')"));
  }

  @Test
  void hash_tenThousandCharacters_isTheLimit() {
    assertThat(
            eval("States.Hash($.s, 'SHA-256')", "{\"s\": \"" + "a".repeat(10_000) + "\"}")
                .textValue())
        .hasSize(64);
    assertInvalidArguments(
        "States.Hash($.s, 'SHA-256')", "{\"s\": \"" + "a".repeat(10_001) + "\"}", "States.Hash");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"'UNSUPPORTED'", "'sha-256'", "'SHA256'", "''", "'MD-5'", "'SHA-257'", "123"})
  void hash_unknownAlgorithm_isInvalid(String algorithm) {
    assertInvalidArguments("States.Hash('data', " + algorithm + ")", "States.Hash");
  }

  @Test
  void hash_nullData_isInvalid() {
    assertInvalidArguments("States.Hash(null, 'MD5')", "States.Hash");
  }
}
