package dev.mercury.aws.invoke;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 the way the service does: rebuilds the canonical request from
 * what arrived, derives the signing key from the secret this test knows, and compares signatures.
 * Written from AWS's description of the algorithm, for services other than S3 (whose paths are
 * encoded twice).
 */
final class SigV4Verifier {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What arrived: header names in any case, the path and query still percent-encoded. */
  record SignedRequest(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {

    List<String> header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
      return List.of();
    }
  }

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String service;
  private final Duration allowedSkew;

  SigV4Verifier(String accessKeyId, String secretAccessKey, String service, Duration allowedSkew) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.service = service;
    this.allowedSkew = allowedSkew;
  }

  /** Why the request's signature is not valid, or empty when it is. */
  Optional<String> problem(SignedRequest request, Instant now) {
    List<String> authorization = request.header("Authorization");
    if (authorization.size() != 1) {
      return Optional.of("Missing Authentication Token");
    }
    Matcher parts = AUTHORIZATION.matcher(authorization.get(0));
    if (!parts.matches()) {
      return Optional.of("Authorization header is not AWS4-HMAC-SHA256");
    }
    if (!parts.group(1).equals(accessKeyId)) {
      return Optional.of("The security token included in the request is invalid.");
    }
    if (!parts.group(4).equals(service)) {
      return Optional.of("Credential should be scoped to correct service: '" + service + "'.");
    }

    List<String> dates = request.header("X-Amz-Date");
    if (dates.size() != 1) {
      return Optional.of("Missing X-Amz-Date");
    }
    String amzDate = dates.get(0);
    Optional<String> dateProblem = checkDate(amzDate, parts.group(2), now);
    if (dateProblem.isPresent()) {
      return dateProblem;
    }

    List<String> signedHeaders = List.of(parts.group(5).split(";"));
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
      return Optional.of("Host and X-Amz-Date must be signed.");
    }
    String scope = parts.group(2) + "/" + parts.group(3) + "/" + service + "/aws4_request";
    String expected = signature(request, signedHeaders, amzDate, scope, parts.group(3));
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            parts.group(6).getBytes(StandardCharsets.US_ASCII));
    return same
        ? Optional.empty()
        : Optional.of(
            "The request signature we calculated does not match the signature you provided.");
  }

  private Optional<String> checkDate(String amzDate, String scopeDate, Instant now) {
    Instant signedAt;
    try {
      signedAt = AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException e) {
      return Optional.of("X-Amz-Date is not in ISO 8601 basic format.");
    }
    if (!amzDate.startsWith(scopeDate)) {
      return Optional.of("The credential's date does not match X-Amz-Date.");
    }
    if (Duration.between(signedAt, now).abs().compareTo(allowedSkew) > 0) {
      return Optional.of("Signature expired or not yet current.");
    }
    return Optional.empty();
  }

  String signature(
      SignedRequest request,
      List<String> signedHeaders,
      String amzDate,
      String scope,
      String region) {
    String canonical = canonicalRequest(request, signedHeaders);
    String stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(bytes(canonical)));
    byte[] key = hmac(bytes("AWS4" + secretAccessKey), scope.substring(0, 8));
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(canonicalPath(request.rawPath())).append('\n');
    canonical.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      canonical.append(name).append(':').append(headerValue(request.header(name))).append('\n');
    }
    canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
    List<String> declared = request.header("X-Amz-Content-Sha256");
    canonical.append(declared.size() == 1 ? declared.get(0) : hex(sha256(request.body())));
    return canonical.toString();
  }

  /** Every segment of the path as sent, encoded once more, as SigV4 asks outside S3. */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String[] segments = rawPath.split("/", -1);
    List<String> encoded = new ArrayList<>();
    for (String segment : segments) {
      encoded.add(encode(segment));
    }
    return String.join("/", encoded);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  private static String headerValue(List<String> values) {
    List<String> trimmed = new ArrayList<>();
    for (String value : values) {
      trimmed.add(value.strip().replaceAll(" +", " "));
    }
    return String.join(",", trimmed);
  }

  /** Percent-encodes all but the unreserved characters of RFC 3986, in upper-case hex. */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : bytes(text)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (unreserved) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return encoded.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(bytes(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] data) {
    return HexFormat.of().formatHex(data).toLowerCase(Locale.ROOT);
  }
}
