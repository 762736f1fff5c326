package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** States.Base64Encode and States.Base64Decode, over the UTF-8 bytes of a string. */
final class EncodingFunctions {
  /** The longest string, in characters, either function accepts. */
  static final int MAX_INPUT_LENGTH = 10_000;

  private EncodingFunctions() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("States.Base64Encode", Arity.exactly(1), EncodingFunctions::encode),
        new Builtin("States.Base64Decode", Arity.exactly(1), EncodingFunctions::decode));
  }

  private static JsonNode encode(Arguments arguments) {
    String data = limited(arguments);
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
  }

  private static JsonNode decode(Arguments arguments) {
    String data = limited(arguments);
    return TextNode.valueOf(new String(lenientDecode(data), StandardCharsets.UTF_8));
  }

  private static String limited(Arguments arguments) {
    String data = arguments.string(0);
    if (data.length() > MAX_INPUT_LENGTH) {
      throw arguments.invalid();
    }
    return data;
  }

  /**
   * Decodes as leniently as AWS was reported to, which accepts "abc", " YWJjZA== ", "ab==cd" and
   * "!!!invalid!!!" alike. Characters outside the Base64 alphabet are skipped, decoding stops at
   * the first padding character, and a lone sextet left over at the end, which cannot make a byte,
   * is dropped.
   */
  static byte[] lenientDecode(String data) {
    StringBuilder alphabet = new StringBuilder(data.length());
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '=') {
        break;
      }
      if (isBase64(c)) {
        alphabet.append(c);
      }
    }
    if (alphabet.length() % 4 == 1) {
      alphabet.setLength(alphabet.length() - 1);
    }
    return Base64.getDecoder().decode(alphabet.toString());
  }

  private static boolean isBase64(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/';
  }
}
