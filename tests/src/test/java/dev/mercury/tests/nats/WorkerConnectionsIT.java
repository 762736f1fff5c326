package dev.mercury.tests.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.NatsServer;
import dev.mercury.tests.support.Workflows;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code mercury worker} process given a config file: the Task whose resource a connection names
 * goes to that connection (an HTTP function on loopback), the Lambda function no connection lists
 * to the functions served over NATS, in one execution.
 */
@ExtendWith(ElasticsearchNode.class)
class WorkerConnectionsIT {
  private static final String TWO_PLATFORMS =
      """
      {"StartAt": "Double", "States": {
        "Double": {"Type": "Task", "Resource": "%s", "Parameters": {"n.$": "$.n"},
          "ResultPath": "$.doubled", "Next": "Label"},
        "Label": {"Type": "Task", "Resource": "mercury:function:label",
          "ResultPath": "$.label", "End": true}}}"""
          .formatted(Workflows.DOUBLE);

  @TempDir Path folder;
  private NatsServer nats;
  private HttpServer labels;
  private final AtomicInteger labelCalls = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    nats = NatsServer.start();
    labels = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    labels.createContext(
        "/label",
        exchange -> {
          String input =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          long doubled = Json.parseTrusted(input).path("doubled").asLong();
          byte[] reply = ("\"label-" + doubled + "\"").getBytes(StandardCharsets.UTF_8);
          labelCalls.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    labels.start();
  }

  @AfterEach
  void stop() {
    labels.stop(0);
    nats.close();
  }

  @Test
  void configuredConnection_andNatsFunction_answerOneExecution() throws Exception {
    String prefix = "conn" + UUID.randomUUID().toString().substring(0, 6);
    Path config = folder.resolve("mercury.json");
    Files.writeString(
        config,
        """
        {"connections": {"label": {"platform": "http",
          "url": "http://127.0.0.1:%d/label"}}}"""
            .formatted(labels.getAddress().getPort()));
    NatsOptions natsOptions = NatsOptions.defaults(nats.url()).withPrefix(prefix);
    ElasticsearchOptions esOptions =
        ElasticsearchOptions.defaults().withPrefix(prefix + "-").withReplicas(0);
    Path log = Files.createFile(folder.resolve("worker.log"));
    try (ElasticsearchCheckpointStore store =
            ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), esOptions);
        JetStreamBus bus = JetStreamBus.connect(natsOptions, 4);
        MercuryProcess worker =
            MercuryProcess.start(
                log,
                "worker",
                "--nats",
                nats.url(),
                "--elasticsearch",
                ElasticsearchNode.url(),
                "--prefix",
                prefix,
                "--replicas",
                "0",
                "--config",
                config.toString())) {
      List<AutoCloseable> functions =
          List.copyOf(Workflows.serveFunctions(bus.connection(), natsOptions));
      String arn =
          Engine.frontDoor(store, bus, Clock.SYSTEM)
              .start(
                  DefinitionParser.parse(TWO_PLATFORMS),
                  Arns.stateMachine("two-platforms"),
                  "e1",
                  "{\"n\": 21}")
              .executionArn;

      Checkpoint ended = awaitEnded(store, arn, worker);

      assertThat(Json.write(ended.output))
          .isEqualTo("{\"n\":21,\"doubled\":42,\"label\":\"label-42\"}");
      assertThat(labelCalls.get()).isEqualTo(1);
      for (AutoCloseable function : functions) {
        function.close();
      }
    }
  }

  private static Checkpoint awaitEnded(
      ElasticsearchCheckpointStore store, String arn, MercuryProcess worker)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Checkpoint current = store.read(arn);
    while (current.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      current = store.read(arn);
    }
    assertThat(current.isRunning())
        .as("still running; the worker's log:%n%s", worker.logTail())
        .isFalse();
    return current;
  }
}
