package dev.mercury.local.bench;

import com.sun.net.httpserver.HttpServer;
import dev.mercury.engine.Engine;
import dev.mercury.invoke.Connections;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.memory.MemoryCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.InvokeRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Measures what Mercury adds to one function call. A loopback HTTP function answers at once; the
 * same call is timed four ways, one after another on one JVM:
 *
 * <ol>
 *   <li>directly with {@code java.net.http}, the floor;
 *   <li>through the {@link Router} alone (routing, concurrency limit, auth, result mapping);
 *   <li>as a whole execution of a one-Task workflow through the {@link Engine} (start, schedule,
 *       invoke, result, end: every transition and history event);
 *   <li>as a Map of many items through one engine, for invocations per second.
 * </ol>
 *
 * Not a test: figures depend on the machine. Run it with {@code java -cp ...
 * dev.mercury.local.bench.InvokeOverhead [calls]}.
 */
public final class InvokeOverhead {
  private static final String BODY = "{\"orderId\":7,\"amount\":12.5}";

  private InvokeOverhead() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    HttpServer function = function();
    URI url = URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/f");
    Connections connections =
        Connections.parse(
            Json.parseTrusted(
                "{\"connections\": {\"f\": {\"platform\": \"http\", \"url\": \"%s\", \"maxConcurrency\": 64}}}"
                    .formatted(url)),
            Path.of("."),
            System::getenv);
    try (Router router = new Router(connections, java.util.List.of())) {
      long[] direct = direct(url, calls);
      long[] routed = routed(router, calls);
      long[] engine = engine(router, calls / 4);
      double perSecond = mapThroughput(router, calls);

      System.out.printf("calls per measurement: %d (after as many again to warm up)%n", calls);
      print("direct java.net.http call", direct);
      print("through the Router", routed);
      print("one-Task execution, Engine", engine);
      System.out.printf(
          "overhead per Task: Router p50 %+.1f us, p99 %+.1f us; Engine p50 %+.1f us, p99 %+.1f us%n",
          micros(pct(routed, 50) - pct(direct, 50)),
          micros(pct(routed, 99) - pct(direct, 99)),
          micros(pct(engine, 50) - pct(direct, 50)),
          micros(pct(engine, 99) - pct(direct, 99)));
      System.out.printf(
          "Map of %d items, one engine, maxConcurrency 64: %.0f invocations/s%n", calls, perSecond);
    } finally {
      function.stop(0);
    }
  }

  /** A function on loopback that answers a small JSON object at once. */
  private static HttpServer function() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    byte[] reply = "{\"receipt\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
          }
        });
    server.start();
    return server;
  }

  private static long[] direct(URI url, int calls) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    long[] times = new long[calls];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < calls; i++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Json.parse(new String(response.body(), StandardCharsets.UTF_8));
        times[i] = System.nanoTime() - start;
      }
    }
    return times;
  }

  private static long[] routed(Router router, int calls) throws Exception {
    InvokeRequest request =
        new InvokeRequest(
            "arn:aws:states:us-east-1:123456789012:execution:bench:1",
            0,
            1,
            "Charge",
            "mercury:function:f",
            Json.parseTrusted(BODY),
            0,
            0,
            null,
            "key");
    long[] times = new long[calls];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < calls; i++) {
        long start = System.nanoTime();
        router.invoke(request).get(10, TimeUnit.SECONDS);
        times[i] = System.nanoTime() - start;
      }
    }
    return times;
  }

  private static long[] engine(Router router, int executions) throws Exception {
    StateMachine machine =
        DefinitionParser.parse(
            """
            {"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
               "Resource": "mercury:function:f", "ResultPath": "$.payment", "End": true}}}""");
    long[] times = new long[executions];
    for (int round = 0; round < 2; round++) {
      Engine engine = new Engine(new MemoryCheckpointStore(), router, Clock.SYSTEM);
      for (int i = 0; i < executions; i++) {
        long start = System.nanoTime();
        Checkpoint started = engine.start(machine, Arns.stateMachine("bench"), "run-" + i, BODY);
        Checkpoint ended = engine.runToEnd(started.executionArn);
        times[i] = System.nanoTime() - start;
        if (ended.status != ExecutionStatus.SUCCEEDED) {
          throw new IllegalStateException("execution " + i + " ended " + ended.status);
        }
      }
    }
    return times;
  }

  private static double mapThroughput(Router router, int items) throws Exception {
    StateMachine machine =
        DefinitionParser.parse(
            """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
               "MaxConcurrency": 0, "ItemProcessor": {"StartAt": "Charge", "States": {
                 "Charge": {"Type": "Task", "Resource": "mercury:function:f", "End": true}}}}}}""");
    StringBuilder input = new StringBuilder("[");
    for (int i = 0; i < items; i++) {
      input.append(i == 0 ? "" : ",").append("{\"orderId\":").append(i).append('}');
    }
    input.append(']');
    double best = 0;
    for (int round = 0; round < 2; round++) {
      Engine engine = new Engine(new MemoryCheckpointStore(), router, Clock.SYSTEM);
      long start = System.nanoTime();
      Checkpoint started = engine.start(machine, Arns.stateMachine("map"), "map", input.toString());
      Checkpoint ended = engine.runToEnd(started.executionArn);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (ended.status != ExecutionStatus.SUCCEEDED) {
        throw new IllegalStateException("the Map execution ended " + ended.status);
      }
      best = Math.max(best, items / seconds);
    }
    return best;
  }

  private static void print(String what, long[] times) {
    System.out.printf(
        "%-30s p50 %8.1f us   p99 %8.1f us%n",
        what, micros(pct(times, 50)), micros(pct(times, 99)));
  }

  private static long pct(long[] times, int percentile) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }
}
