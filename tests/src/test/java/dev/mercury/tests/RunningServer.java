package dev.mercury.tests;

import dev.mercury.api.StepFunctionsService;
import dev.mercury.local.server.HttpTrigger;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A Mercury server as {@code mercury server} runs it (the SQLite store, the engine on its own
 * thread, the API over HTTP on a loopback port) and the real AWS SDK client pointed at it.
 */
final class RunningServer implements AutoCloseable {
  static final String ROLE = "arn:aws:iam::123456789012:role/mercury";

  final SqliteCheckpointStore store;
  final StepFunctionsService service;
  final HttpTrigger trigger;
  final SfnClient sfn;
  private final Thread engineThread;
  private final AtomicBoolean stop = new AtomicBoolean();

  RunningServer(Path dir, StepFunctionsService.Options options) throws IOException {
    store = SqliteCheckpointStore.open(dir.resolve("api.db"));
    service = StepFunctionsService.create(store.stateMachines(), store, store.resources(), options);
    service.engine().resume();
    trigger = HttpTrigger.start("127.0.0.1", 0, service.api());
    engineThread =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    service.engine().runUntil(stop::get);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    sfn = client("AKIDTEST", "secret");
  }

  RunningServer(Path dir) throws IOException {
    this(dir, StepFunctionsService.Options.defaults());
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + trigger.port());
  }

  SfnClient client(String keyId, String secret) {
    return SfnClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
        // StartSyncExecution's endpoint carries a "sync-" host prefix, which a loopback server
        // cannot have: the SDK must not add it.
        .overrideConfiguration(
            c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  String start(String machineArn, String input) {
    return sfn.startExecution(b -> b.stateMachineArn(machineArn).input(input)).executionArn();
  }

  DescribeExecutionResponse awaitEnd(String execution) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    var described = sfn.describeExecution(b -> b.executionArn(execution));
    while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(10);
      described = sfn.describeExecution(b -> b.executionArn(execution));
    }
    return described;
  }

  /** Waits until the execution's history has an event of {@code type}, and returns it. */
  HistoryEvent awaitEvent(String execution, String type) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      GetExecutionHistoryResponse history =
          sfn.getExecutionHistory(b -> b.executionArn(execution).maxResults(1000));
      for (HistoryEvent event : history.events()) {
        if (event.typeAsString().equals(type)) {
          return event;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no " + type + " event in " + execution);
  }

  @Override
  public void close() throws InterruptedException {
    sfn.close();
    stop.set(true);
    engineThread.join();
    trigger.close();
    store.close();
  }
}
