package dev.mercury.aws.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test server's signature check must itself be right, or the invoker's tests prove nothing:
 * here it is held to the worked example in AWS's Signature Version 4 documentation (IAM ListUsers,
 * signed with AWS's published example key).
 */
class SigV4VerifierTest {
  private static final String EXAMPLE_KEY_ID = "AKIDEXAMPLE";
  private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
  private static final String EXAMPLE_SIGNATURE =
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

  private static SigV4Verifier.SignedRequest listUsers(String signature, String query) {
    return new SigV4Verifier.SignedRequest(
        "GET",
        "/",
        query,
        Map.of(
            "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
            "Host", List.of("iam.amazonaws.com"),
            "X-Amz-Date", List.of("20150830T123600Z"),
            "Authorization",
                List.of(
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date, Signature="
                        + signature)),
        new byte[0]);
  }

  private static SigV4Verifier verifier(String secret) {
    return new SigV4Verifier(EXAMPLE_KEY_ID, secret, "iam", Duration.ofMinutes(5));
  }

  @Test
  void problem_awsDocumentedExample_isNone() {
    SigV4Verifier.SignedRequest request =
        listUsers(EXAMPLE_SIGNATURE, "Action=ListUsers&Version=2010-05-08");

    assertThat(verifier(EXAMPLE_SECRET).problem(request, SIGNED_AT)).isEmpty();
  }

  @Test
  void problem_wrongSecret_isSignatureMismatch() {
    SigV4Verifier.SignedRequest request =
        listUsers(EXAMPLE_SIGNATURE, "Action=ListUsers&Version=2010-05-08");

    assertThat(verifier(EXAMPLE_SECRET + "x").problem(request, SIGNED_AT))
        .hasValueSatisfying(problem -> assertThat(problem).contains("does not match"));
  }

  @Test
  void problem_queryChangedAfterSigning_isSignatureMismatch() {
    SigV4Verifier.SignedRequest request =
        listUsers(EXAMPLE_SIGNATURE, "Action=DeleteUser&Version=2010-05-08");

    assertThat(verifier(EXAMPLE_SECRET).problem(request, SIGNED_AT)).isPresent();
  }

  @Test
  void problem_signedLongAgo_isExpired() {
    SigV4Verifier.SignedRequest request =
        listUsers(EXAMPLE_SIGNATURE, "Action=ListUsers&Version=2010-05-08");

    assertThat(verifier(EXAMPLE_SECRET).problem(request, SIGNED_AT.plus(Duration.ofHours(1))))
        .hasValueSatisfying(problem -> assertThat(problem).contains("expired"));
  }

  @Test
  void problem_otherAccessKey_isInvalidToken() {
    SigV4Verifier other = new SigV4Verifier("AKIDOTHER", EXAMPLE_SECRET, "iam", Duration.ZERO);

    assertThat(other.problem(listUsers(EXAMPLE_SIGNATURE, ""), SIGNED_AT))
        .hasValueSatisfying(problem -> assertThat(problem).contains("security token"));
  }

  @Test
  void encode_reservedCharacters_areUpperCaseHex() {
    assertThat(SigV4Verifier.encode("a:b/c d~")).isEqualTo("a%3Ab%2Fc%20d~");
    assertThat(SigV4Verifier.encode("%3A")).isEqualTo("%253A");
    assertThat(SigV4Verifier.encode("é"))
        .isEqualTo(
            "%"
                + Integer.toHexString("é".getBytes(StandardCharsets.UTF_8)[0] & 0xff).toUpperCase()
                + "%"
                + Integer.toHexString("é".getBytes(StandardCharsets.UTF_8)[1] & 0xff)
                    .toUpperCase());
  }
}
