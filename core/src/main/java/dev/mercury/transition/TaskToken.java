package dev.mercury.transition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a Task that waits for a callback ({@code $$.Task.Token}): the execution, flow and
 * seq it belongs to, plus 128 random bits, written as URL-safe Base64. The address lets the API
 * find the execution without a lookup table; the random part makes a token unguessable, and a
 * callback counts only when its token equals the one the waiting flow holds, so a token made up
 * from a known address is refused. Each attempt of a Task gets a new token.
 */
public final class TaskToken {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 16;
  private static final int HEADER_BYTES = 1 + NONCE_BYTES + Integer.BYTES + Long.BYTES;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where a token points. */
  public record Address(String executionArn, int flowId, long seq) {}

  private TaskToken() {}

  static String issue(String executionArn, int flowId, long seq) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] arn = executionArn.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + arn.length);
    bytes.put(VERSION).put(nonce).putInt(flowId).putLong(seq).put(arn);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /** The address a token names, or empty when the text is not a token Mercury issued. */
  public static Optional<Address> decode(String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length <= HEADER_BYTES || bytes[0] != VERSION) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1 + NONCE_BYTES, Integer.BYTES + Long.BYTES);
    int flowId = buffer.getInt();
    long seq = buffer.getLong();
    String arn =
        new String(Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length), StandardCharsets.UTF_8);
    return arn.startsWith("arn:") ? Optional.of(new Address(arn, flowId, seq)) : Optional.empty();
  }
}
