package dev.mercury.tests.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The two Cloud Functions from the built zip under Google's Functions Framework, each in its own
 * JVM on loopback: the API driven by the AWS SDK's Step Functions client over HTTP, the step
 * function by the bridge over HTTP, against a real NATS server and Elasticsearch node.
 */
class GcpHostIT extends HostTest {
  @TempDir Path folder;

  @Test
  void apiAndStepFunctions_underTheFunctionsFramework_runTaskWaitAndChoice() throws Exception {
    Path jar = FunctionsFramework.unpackJar(folder);
    Map<String, String> environment = fixture.environment();
    FunctionsFramework api =
        fixture.keep(
            FunctionsFramework.start(jar, "dev.mercury.gcp.host.ApiFunction", environment));
    FunctionsFramework step =
        fixture.keep(
            FunctionsFramework.start(jar, "dev.mercury.gcp.host.StepFunction", environment));

    try (SfnClient stranger = sfn(api.url(), "not-the-secret")) {
      assertThatThrownBy(stranger::listStateMachines)
          .isInstanceOf(SfnException.class)
          .hasMessageContaining("signature");
    }
    try (SfnClient sfn = sfn(api.url(), HostFixture.SECRET_KEY)) {
      String machine = createMachine(sfn);
      String small = start(sfn, machine, "two", 2);
      String big = start(sfn, machine, "nine", 9);

      bridgeTo("{\"platform\": \"http\", \"url\": \"" + step.url() + "\"}");

      fixture.assertEndedRight(small, 2);
      fixture.assertEndedRight(big, 9);
      assertThat(sfn.describeExecution(r -> r.executionArn(big)).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    HttpResponse<String> malformed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(step.url()))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mercury\": \"jump\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("jump");
  }
}
