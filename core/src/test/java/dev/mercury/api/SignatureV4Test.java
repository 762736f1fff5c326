package dev.mercury.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature checks against the "get-vanilla" case of AWS's published SigV4 test suite, and the ways
 * a request can fail them.
 */
class SignatureV4Test {
  private static final String KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SIGNATURE =
      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
  private static final long SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z").toEpochMilli();

  private final SignatureV4 signatures = new SignatureV4(Map.of(KEY_ID, SECRET));

  @Test
  void verify_awsTestSuiteGetVanilla_accepts() {
    assertThatCode(() -> signatures.verify(vanilla(KEY_ID, SIGNATURE), SIGNED_AT))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_oneHexDigitChanged_throwsInvalidSignature() {
    String wrong = "6" + SIGNATURE.substring(1);

    assertThatThrownBy(() -> signatures.verify(vanilla(KEY_ID, wrong), SIGNED_AT))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo("InvalidSignatureException");
  }

  @Test
  void verify_unknownAccessKey_throwsUnrecognizedClient() {
    assertThatThrownBy(() -> signatures.verify(vanilla("AKIDOTHER", SIGNATURE), SIGNED_AT))
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo("UnrecognizedClientException");
  }

  @Test
  void verify_signedSixteenMinutesAgo_throwsInvalidSignatureSayingExpired() {
    long later = SIGNED_AT + 16 * 60 * 1000;

    assertThatThrownBy(() -> signatures.verify(vanilla(KEY_ID, SIGNATURE), later))
        .hasMessageContaining("Signature expired")
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo("InvalidSignatureException");
  }

  @Test
  void verify_noAuthorizationHeader_throwsMissingAuthenticationToken() {
    ApiRequest unsigned =
        new ApiRequest("GET", "/", null, Map.of("host", List.of("x")), new byte[0]);

    assertThatThrownBy(() -> signatures.verify(unsigned, SIGNED_AT))
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo("MissingAuthenticationTokenException");
  }

  @Test
  void verify_bodyChangedAfterSigning_throwsInvalidSignature() {
    ApiRequest signed = vanilla(KEY_ID, SIGNATURE);
    ApiRequest tampered = new ApiRequest("GET", "/", null, signed.headers(), "{}".getBytes());

    assertThatThrownBy(() -> signatures.verify(tampered, SIGNED_AT))
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo("InvalidSignatureException");
  }

  @Test
  void verify_malformedAuthorization_throwsIncompleteSignature() {
    ApiRequest request =
        new ApiRequest(
            "GET",
            "/",
            null,
            Map.of(
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE"),
                "x-amz-date", List.of("20150830T123600Z")),
            new byte[0]);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                ApiException.class, () -> signatures.verify(request, SIGNED_AT)))
        .extracting(ApiException::type)
        .isEqualTo("IncompleteSignatureException");
  }

  private static ApiRequest vanilla(String keyId, String signature) {
    String authorization =
        "AWS4-HMAC-SHA256 Credential="
            + keyId
            + "/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date,"
            + " Signature="
            + signature;
    return new ApiRequest(
        "GET",
        "/",
        null,
        Map.of(
            "host", List.of("example.amazonaws.com"),
            "x-amz-date", List.of("20150830T123600Z"),
            "authorization", List.of(authorization)),
        new byte[0]);
  }
}
