package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** States.Hash: the lowercase hex digest of a value's UTF-8 text. */
final class HashFunction {
  /** The longest input, in characters, AWS hashes. */
  static final int MAX_INPUT_LENGTH = 10_000;

  /** The algorithm names AWS accepts, spelled exactly so; "sha-256" and "SHA256" fail. */
  static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private HashFunction() {}

  static List<Builtin> all() {
    return List.of(new Builtin("States.Hash", Arity.exactly(2), HashFunction::hash));
  }

  /**
   * AWS was reported to hash a number or an object rather than reject it; it is hashed here by the
   * text States.Format would print for it. Null has no such text and is rejected.
   */
  private static JsonNode hash(Arguments arguments) {
    JsonNode value = arguments.get(0);
    String algorithm = arguments.string(1);
    if (value.isNull() || !ALGORITHMS.contains(algorithm)) {
      throw arguments.invalid();
    }

    String data = JavaView.text(value);
    if (data.length() > MAX_INPUT_LENGTH) {
      throw arguments.invalid();
    }
    return TextNode.valueOf(HexFormat.of().formatHex(digest(algorithm, data)));
  }

  private static byte[] digest(String algorithm, String data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }
}
