package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mercury.api.StepFunctionsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * SigV4 as the server checks it when given access keys, and its absence when not, through the SDK
 * (which signs) and through a plain HTTP client (which does not).
 */
class AuthenticationThroughSdkTest {
  @TempDir Path dir;

  @Test
  void keysConfigured_sdkSignsWithThem_requestsSucceed() throws Exception {
    try (RunningServer server = withKeys()) {
      String arn = server.create("signed", pass());

      assertThat(server.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).name())
          .isEqualTo("signed");
    }
  }

  @Test
  void keysConfigured_wrongSecret_invalidSignatureException() throws Exception {
    try (RunningServer server = withKeys();
        SfnClient wrong = server.client("AKIDTEST", "not-the-secret")) {
      SfnException failure = catchThrowableOfType(SfnException.class, wrong::listStateMachines);

      assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(failure.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void keysConfigured_unknownAccessKey_unrecognizedClientException() throws Exception {
    try (RunningServer server = withKeys();
        SfnClient stranger = server.client("AKIDSTRANGER", "secret")) {
      SfnException failure = catchThrowableOfType(SfnException.class, stranger::listStateMachines);

      assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(failure.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void keysConfigured_unsignedRequest_missingAuthenticationToken403() throws Exception {
    try (RunningServer server = withKeys()) {
      HttpResponse<String> response = unsigned(server.endpoint());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("MissingAuthenticationTokenException");
    }
  }

  @Test
  void noKeysConfigured_unsignedAndAnySignature_accepted() throws Exception {
    try (RunningServer server = new RunningServer(dir);
        SfnClient anyone = server.client("AKIDANY", "whatever")) {
      assertThat(unsigned(server.endpoint()).statusCode()).isEqualTo(200);
      assertThat(anyone.listStateMachines().stateMachines()).isEmpty();
    }
  }

  @Test
  void rateLimit_burstExceeded_throttlingException() throws Exception {
    try (RunningServer server =
        new RunningServer(dir, StepFunctionsService.Options.defaults().withRateLimit(2))) {
      int throttled = 0;
      for (int i = 0; i < 12; i++) {
        if (unsigned(server.endpoint()).body().contains("ThrottlingException")) {
          throttled++;
        }
      }

      assertThat(throttled).isGreaterThan(0);
    }
  }

  private RunningServer withKeys() throws Exception {
    return new RunningServer(
        dir, StepFunctionsService.Options.defaults().withAccessKeys(Map.of("AKIDTEST", "secret")));
  }

  private static HttpResponse<String> unsigned(URI endpoint) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String pass() {
    return "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
  }
}
