package dev.mercury.gcp.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** RS256 JSON Web Tokens for the test servers: signing as Google would, and checking. */
final class Jwt {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Jwt() {}

  static String sign(ObjectNode claims, String keyId, PrivateKey key) {
    ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
    String signed = part(Json.write(header)) + "." + part(Json.write(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + ENCODER.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a token signed with RS256 by {@code key} and not expired, or empty. */
  static Optional<JsonNode> verify(String token, PublicKey key, Instant now) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = Json.parse(text(parts[0]));
      if (!header.path("alg").asText().equals("RS256")) {
        return Optional.empty();
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(DECODER.decode(parts[2]))) {
        return Optional.empty();
      }
      JsonNode claims = Json.parse(text(parts[1]));
      if (claims.path("exp").asLong() <= now.getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static String part(String json) {
    return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }
}
