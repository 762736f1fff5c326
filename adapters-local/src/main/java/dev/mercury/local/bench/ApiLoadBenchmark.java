package dev.mercury.local.bench;

import dev.mercury.api.StepFunctionsService;
import dev.mercury.local.server.HttpTrigger;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast the embedded server takes StartExecution: starts {@code mercury server}'s parts on a
 * loopback port and a fresh SQLite file, warms up, then sends StartExecution for a one-Pass-state
 * machine from {@code clients} concurrent clients until {@code requests} have been answered or
 * {@code seconds} have passed, and prints requests per second and the p50 and p99 latency. The
 * engine runs the executions meanwhile, as it would in production.
 *
 * <p>Usage: {@code ApiLoadBenchmark [requests=20000] [clients=32] [seconds=30]}
 */
public final class ApiLoadBenchmark {
  private static final String TARGET = "AWSStepFunctions.";

  private ApiLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path dir = Files.createTempDirectory("mercury-bench");
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("bench.db"))) {
      StepFunctionsService service =
          StepFunctionsService.create(
              store.stateMachines(),
              store,
              store.resources(),
              StepFunctionsService.Options.defaults());
      AtomicBoolean stop = new AtomicBoolean();
      Thread engine =
          Thread.ofPlatform()
              .name("engine")
              .start(
                  () -> {
                    try {
                      service.engine().runUntil(stop::get);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      try (HttpTrigger trigger = HttpTrigger.start("127.0.0.1", 0, service.api());
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
        URI endpoint = URI.create("http://127.0.0.1:" + trigger.port() + "/");
        call(
            http,
            endpoint,
            "CreateStateMachine",
            "{\"name\":\"bench\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"definition\":"
                + "\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\","
                + "\\\"End\\\":true}}}\"}");
        String start =
            "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:bench\","
                + "\"input\":\"{\\\"n\\\":1}\"}";
        run(http, endpoint, start, Math.min(2_000, requests), clients, seconds);
        long[] latencies = run(http, endpoint, start, requests, clients, seconds);
        report(latencies, clients);
      } finally {
        stop.set(true);
        engine.join();
      }
    }
  }

  /** Sends until {@code requests} are answered or time is up; returns each call's nanoseconds. */
  private static long[] run(
      HttpClient http, URI endpoint, String body, int requests, int clients, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger issued = new AtomicInteger();
    long started = System.nanoTime();
    List<Future<long[]>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  long[] mine = new long[requests];
                  int count = 0;
                  while (issued.getAndIncrement() < requests && System.nanoTime() < deadline) {
                    long before = System.nanoTime();
                    call(http, endpoint, "StartExecution", body);
                    mine[count++] = System.nanoTime() - before;
                  }
                  return Arrays.copyOf(mine, count);
                }));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> worker : workers) {
        parts.add(worker.get());
      }
      long elapsed = System.nanoTime() - started;
      long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
      lastElapsedNanos = elapsed;
      return all;
    }
  }

  private static long lastElapsedNanos;

  private static void call(HttpClient http, URI endpoint, String action, String body)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", TARGET + action)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(action + " answered " + response.body());
    }
  }

  private static void report(long[] latencies, int clients) {
    Arrays.sort(latencies);
    double seconds = lastElapsedNanos / 1e9;
    System.out.printf(
        "StartExecution: %d requests from %d clients in %.2f s: %.0f requests/s,"
            + " p50 %.2f ms, p99 %.2f ms%n",
        latencies.length,
        clients,
        seconds,
        latencies.length / seconds,
        percentile(latencies, 0.50) / 1e6,
        percentile(latencies, 0.99) / 1e6);
  }

  private static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
  }
}
