package dev.mercury.tests.hosts;

import dev.mercury.host.StepBridge;
import dev.mercury.host.StepFunctionCall;
import dev.mercury.invoke.Connections;
import dev.mercury.language.json.Json;
import dev.mercury.tests.support.ElasticsearchNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** What the host tests share: a fresh {@link HostFixture} per test, and the clients they drive. */
@ExtendWith(ElasticsearchNode.class)
abstract class HostTest {
  HostFixture fixture;

  @BeforeEach
  void startFixture() throws IOException {
    fixture = new HostFixture();
  }

  @AfterEach
  void stopFixture() throws Exception {
    fixture.close();
  }

  /** The AWS SDK's Step Functions client on {@code endpoint}, signing with {@code secret}. */
  static SfnClient sfn(String endpoint, String secret) {
    return SfnClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(HostFixture.ACCESS_KEY, secret)))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
        .build();
  }

  static String createMachine(SfnClient sfn) {
    return sfn.createStateMachine(
            r ->
                r.name("sizes")
                    .definition(HostFixture.DEFINITION)
                    .roleArn("arn:aws:iam::123456789012:role/mercury"))
        .stateMachineArn();
  }

  static String start(SfnClient sfn, String machine, String name, int n) {
    return sfn.startExecution(
            r -> r.stateMachineArn(machine).name(name).input("{\"n\": " + n + "}"))
        .executionArn();
  }

  /**
   * Starts a bridge, as {@code mercury bridge} runs one, to the step function behind {@code
   * connection} (a connection of the config file, as JSON).
   */
  void bridgeTo(String connection) {
    Connections parsed =
        Connections.parse(
            Json.parseTrusted("{\"connections\": {\"orchestrator\": " + connection + "}}"),
            Path.of("."),
            System::getenv);
    StepFunctionCall stepFunction =
        fixture.keep(
            StepFunctionCall.of(parsed.named("orchestrator").orElseThrow(), System::getenv));
    fixture.keep(StepBridge.start(fixture.bus(4), stepFunction, Duration.ofMillis(500)));
  }
}
