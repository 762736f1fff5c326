package dev.mercury.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request, as AWS does when the server is given access keys:
 * the canonical request is rebuilt from the method, path, query, the headers the client says it
 * signed and the body's SHA-256; the string to sign from the timestamp, the credential scope and
 * the canonical request's hash; the signature with the key derived from the secret, date, region
 * and service. Signatures are compared in constant time.
 *
 * <p>Errors are AWS's: no Authorization header is {@code MissingAuthenticationTokenException}, an
 * access key it does not know {@code UnrecognizedClientException}, a malformed header {@code
 * IncompleteSignatureException}, and a wrong or stale signature {@code InvalidSignatureException},
 * all HTTP 400 as the JSON-protocol services answer them. Secrets never appear in messages.
 */
public final class SignatureV4 {
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, String> secretsByKeyId;

  /** {@code secretsByKeyId} maps each accepted access key ID to its secret access key. */
  public SignatureV4(Map<String, String> secretsByKeyId) {
    this.secretsByKeyId = Map.copyOf(secretsByKeyId);
  }

  /**
   * Throws {@link ApiException} unless the request carries a valid signature made at {@code now}.
   */
  public void verify(ApiRequest request, long nowMillis) {
    String authorization = request.header("authorization");
    if (authorization == null) {
      throw new ApiException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    Authorization parsed = Authorization.parse(authorization);
    String secret = secretsByKeyId.get(parsed.keyId());
    if (secret == null) {
      throw new ApiException(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    String amzDate = request.header("x-amz-date");
    checkTime(amzDate, nowMillis);
    if (!amzDate.startsWith(parsed.date())) {
      throw invalid(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
              + " from HTTP");
    }
    String scope = parsed.date() + "/" + parsed.region() + "/" + parsed.service() + "/aws4_request";
    String stringToSign =
        ALGORITHM
            + "\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest(request, parsed)));
    byte[] key = signingKey(secret, parsed);
    byte[] expected = hmac(key, stringToSign);
    byte[] given;
    try {
      given = HEX.parseHex(parsed.signature());
    } catch (IllegalArgumentException e) {
      throw invalid("The request signature is not hexadecimal.");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw invalid(
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method. Consult the service documentation"
              + " for details.");
    }
  }

  private static void checkTime(String amzDate, long nowMillis) {
    if (amzDate == null) {
      throw new ApiException(
          "IncompleteSignatureException", "Authorization header requires existence of X-Amz-Date.");
    }
    long signedMillis;
    try {
      signedMillis =
          LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new ApiException(
          "IncompleteSignatureException", "X-Amz-Date must be in ISO-8601 basic format.");
    }
    if (Math.abs(nowMillis - signedMillis) > SKEW.toMillis()) {
      throw invalid(
          "Signature expired: " + amzDate + " is more than 15 minutes from the server's time.");
    }
  }

  private static String canonicalRequest(ApiRequest request, Authorization auth) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(canonicalPath(request.path())).append('\n');
    canonical.append(canonicalQuery(request.query())).append('\n');
    for (String name : auth.signedHeaders()) {
      List<String> values = request.headers().get(name);
      if (values == null) {
        throw invalid("The request does not carry the signed header '" + name + "'.");
      }
      List<String> trimmed = new ArrayList<>();
      for (String value : values) {
        trimmed.add(value.trim().replaceAll(" +", " "));
      }
      canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    canonical.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
    String payloadHash = request.header("x-amz-content-sha256");
    canonical.append(payloadHash != null ? payloadHash : hex(sha256(request.body())));
    return canonical.toString();
  }

  /** Each path segment encoded once more, as SigV4 asks of every service but S3. */
  private static String canonicalPath(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    StringBuilder encoded = new StringBuilder();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        encoded.append('/');
      }
      encoded.append(uriEncode(segments[i]));
    }
    return encoded.toString();
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.add(uriEncode(decode(name)) + "=" + uriEncode(decode(value)));
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** RFC 3986 encoding: unreserved characters stay, every other byte becomes %XX. */
  private static String uriEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX.withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  private static byte[] signingKey(String secret, Authorization auth) {
    byte[] date = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
    byte[] region = hmac(date, auth.region());
    byte[] service = hmac(region, auth.service());
    return hmac(service, "aws4_request");
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static ApiException invalid(String message) {
    return new ApiException("InvalidSignatureException", message);
  }

  /** The parts of an {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
  private record Authorization(
      String keyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {

    static Authorization parse(String header) {
      if (!header.startsWith(ALGORITHM + " ")) {
        throw incomplete("Only " + ALGORITHM + " is supported.");
      }
      String credential = null;
      String signedHeaders = null;
      String signature = null;
      for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
        String[] pair = part.trim().split("=", 2);
        if (pair.length != 2) {
          throw incomplete("Authorization header has a part without '=': " + part.trim());
        }
        switch (pair[0]) {
          case "Credential" -> credential = pair[1];
          case "SignedHeaders" -> signedHeaders = pair[1];
          case "Signature" -> signature = pair[1];
          default -> {}
        }
      }
      if (credential == null || signedHeaders == null || signature == null) {
        throw incomplete(
            "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");
      }
      String[] scope = credential.split("/");
      if (scope.length != 5 || !scope[4].equals("aws4_request")) {
        throw incomplete("Credential should be scoped to a valid region and service.");
      }
      List<String> headers = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
      return new Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }

    private static ApiException incomplete(String message) {
      return new ApiException("IncompleteSignatureException", message);
    }
  }
}
