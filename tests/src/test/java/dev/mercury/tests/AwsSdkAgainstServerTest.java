package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.api.StepFunctionsApi;
import dev.mercury.engine.Engine;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.local.server.HttpTrigger;
import dev.mercury.port.Clock;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;

/** The real AWS SDK for Java v2 client, pointed at a running Mercury server. */
class AwsSdkAgainstServerTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/mercury";
  private static final String GREET =
      """
      {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
        "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "End": true}}}""";
  private static final String WAIT_LONG =
      """
      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

  @TempDir Path dir;
  private SqliteCheckpointStore store;
  private HttpTrigger trigger;
  private Thread engineThread;
  private final AtomicBoolean stop = new AtomicBoolean();
  private SfnClient sfn;

  @BeforeEach
  void startServer() throws Exception {
    store = SqliteCheckpointStore.open(dir.resolve("api.db"));
    Engine engine = new Engine(store, new NoInvoker(), Clock.SYSTEM);
    trigger =
        HttpTrigger.start(
            "127.0.0.1", 0, new StepFunctionsApi(store.stateMachines(), store, engine));
    engineThread =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    engine.runUntil(stop::get);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    sfn =
        SfnClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + trigger.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    sfn.close();
    stop.set(true);
    engineThread.join();
    trigger.close();
    store.close();
  }

  @Test
  void startExecution_passWithIntrinsic_succeedsWithOutputAndHistory() throws Exception {
    String machine = create("greeter", GREET);

    String execution =
        sfn.startExecution(
                b -> b.stateMachineArn(machine).name("first").input("{\"name\":\"Ada\"}"))
            .executionArn();
    var described = awaitEnd(execution);

    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(described.output()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    var history = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
    assertThat(history)
        .extracting(e -> e.type())
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.PASS_STATE_ENTERED,
            HistoryEventType.PASS_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(history.get(3).executionSucceededEventDetails().output())
        .isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    assertThat(
            sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().get(0).executionArn())
        .isEqualTo(execution);
  }

  @Test
  void stopExecution_waitingExecution_isAborted() throws Exception {
    String machine = create("sleeper", WAIT_LONG);
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    sfn.stopExecution(b -> b.executionArn(execution).error("Manual").cause("stopped by test"));
    var described = awaitEnd(execution);

    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Manual");
  }

  @Test
  void describeExecution_unknownArn_throwsExecutionDoesNotExist() {
    assertThatThrownBy(
            () ->
                sfn.describeExecution(
                    b ->
                        b.executionArn(
                            "arn:aws:states:us-east-1:123456789012:execution:none:none")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }

  @Test
  void createStateMachine_invalidDefinition_throwsInvalidDefinitionNamingTheProblem() {
    assertThatThrownBy(() -> create("broken", "{\"StartAt\": \"Nowhere\", \"States\": {}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Nowhere");
  }

  @Test
  void startExecution_sameNameAndInputTwice_isIdempotent() {
    String machine = create("idem", WAIT_LONG);
    String first =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}")).executionArn();
    String second =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}")).executionArn();

    assertThat(second).isEqualTo(first);
  }

  private String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  private software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse awaitEnd(
      String execution) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    var described = sfn.describeExecution(b -> b.executionArn(execution));
    while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(20);
      described = sfn.describeExecution(b -> b.executionArn(execution));
    }
    return described;
  }
}
