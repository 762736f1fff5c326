package dev.mercury.tests.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.host.BackendSettings;
import dev.mercury.language.json.Json;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.NatsServer;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * What every host test needs: its own NATS server, a fresh prefix on the shared Elasticsearch node,
 * and a Task function served over HTTP on loopback that checks its bearer token. The orchestrator's
 * settings are the environment variables a function would get.
 */
final class HostFixture implements AutoCloseable {
  static final String ACCESS_KEY = "AKIDHOSTTEST";
  static final String SECRET_KEY = "host-test-secret";
  static final String FUNCTION_TOKEN = "function-token-" + UUID.randomUUID();

  /** A Task, a Wait and a Choice: doubles n, waits a second, and sizes the result. */
  static final String DEFINITION =
      """
      {"StartAt": "Double", "States": {
        "Double": {"Type": "Task", "Resource": "mercury:function:double",
          "Parameters": {"n.$": "$.n"}, "ResultPath": "$.doubled", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Size"},
        "Size": {"Type": "Choice", "Default": "Small", "Choices": [
          {"Variable": "$.doubled", "NumericGreaterThan": 10, "Next": "Big"}]},
        "Big": {"Type": "Pass", "Result": "big", "ResultPath": "$.size", "End": true},
        "Small": {"Type": "Pass", "Result": "small", "ResultPath": "$.size", "End": true}}}""";

  final NatsServer nats = NatsServer.start();
  final String prefix = "host" + UUID.randomUUID().toString().substring(0, 8);
  final AtomicInteger functionCalls = new AtomicInteger();
  private final HttpServer function;
  private final List<AutoCloseable> open = new ArrayList<>();
  private ElasticsearchCheckpointStore store;

  HostFixture() throws IOException {
    function = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    function.createContext(
        "/double",
        exchange -> {
          try (exchange) {
            byte[] reply;
            int status;
            if (!("Bearer " + FUNCTION_TOKEN)
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
              status = 401;
              reply = "{\"errorType\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            } else {
              JsonNode input =
                  Json.parseTrusted(
                      new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
              functionCalls.incrementAndGet();
              status = 200;
              reply = String.valueOf(2 * input.path("n").asLong()).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
          }
        });
    function.start();
  }

  /** The environment of the orchestrator's functions. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("MERCURY_NATS", nats.url());
    env.put("MERCURY_ELASTICSEARCH", ElasticsearchNode.url());
    env.put("MERCURY_PREFIX", prefix);
    env.put("MERCURY_REPLICAS", "0");
    env.put("MERCURY_ACK_WAIT", "10");
    env.put("MERCURY_ACCESS_KEY", ACCESS_KEY);
    env.put("MERCURY_SECRET_KEY", SECRET_KEY);
    env.put("DOUBLE_TOKEN", FUNCTION_TOKEN);
    env.put(
        "MERCURY_CONFIG_JSON",
        """
        {"connections": {"double": {"platform": "http",
          "url": "http://127.0.0.1:%d/double", "auth": {"bearer": {"tokenEnv": "DOUBLE_TOKEN"}}}}}"""
            .formatted(function.getAddress().getPort()));
    return env;
  }

  BackendSettings settings() {
    return BackendSettings.fromEnvironment(environment());
  }

  /** A bus of the test's own on the orchestrator's streams, for a bridge. */
  JetStreamBus bus(int concurrency) {
    return keep(JetStreamBus.connect(settings().natsOptions(), concurrency));
  }

  ElasticsearchCheckpointStore store() {
    if (store == null) {
      BackendSettings settings = settings();
      store =
          keep(
              ElasticsearchCheckpointStore.open(
                  settings.elasticsearchUrl(), settings.elasticsearchOptions()));
    }
    return store;
  }

  <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** Waits for the execution to end and returns its checkpoint. */
  Checkpoint awaitEnd(String arn, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Checkpoint checkpoint = store().read(arn);
    while (checkpoint.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      checkpoint = store().read(arn);
    }
    assertThat(checkpoint.isRunning()).as("%s still running after %s", arn, limit).isFalse();
    return checkpoint;
  }

  /**
   * The execution of {@link #DEFINITION} on {"n": n} succeeded with the right output, and its
   * history has every event once, in order.
   */
  void assertEndedRight(String arn, int n) throws InterruptedException {
    Checkpoint checkpoint = awaitEnd(arn, Duration.ofSeconds(60));
    assertThat(checkpoint.status).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(checkpoint.output)
        .isEqualTo(
            Json.parseTrusted(
                "{\"n\": %d, \"doubled\": %d, \"size\": \"%s\"}"
                    .formatted(n, 2 * n, 2 * n > 10 ? "big" : "small")));
    List<HistoryEvent> history = store().history(arn);
    assertThat(history.stream().mapToLong(HistoryEvent::id).toArray())
        .containsExactly(LongStream.rangeClosed(1, checkpoint.lastEventId).toArray());
    List<String> types = history.stream().map(HistoryEvent::type).toList();
    assertThat(types)
        .containsSubsequence(
            "ExecutionStarted",
            "TaskScheduled",
            "TaskSucceeded",
            "WaitStateEntered",
            "WaitStateExited",
            "ChoiceStateEntered",
            "ExecutionSucceeded");
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    function.stop(0);
    nats.close();
  }
}
