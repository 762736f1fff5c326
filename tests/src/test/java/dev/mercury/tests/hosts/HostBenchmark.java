package dev.mercury.tests.hosts;

import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.aws.host.LambdaHandler;
import dev.mercury.azure.host.OrchestratorFunctions;
import dev.mercury.gcp.host.StepFunction;
import dev.mercury.host.Orchestrator;
import dev.mercury.host.StepBridge;
import dev.mercury.host.StepEnvelope;
import dev.mercury.language.json.Json;
import dev.mercury.tests.support.ElasticsearchNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints what the serverless hosts cost, on a real NATS server and Elasticsearch node on loopback:
 *
 * <ul>
 *   <li>warm: the time one step invocation takes from the host's entry point to its exit (read the
 *       checkpoint, apply, commit, publish what follows), for each host, over executions of a chain
 *       of Pass states delivered by a bridge with four invocations in flight;
 *   <li>cold: in a fresh JVM on the host's built jar, the JVM's own start, the host's
 *       initialisation (class loading and the entry object: what SnapStart would snapshot), and the
 *       first invocation (which connects to NATS and Elasticsearch) and the next one; for Cloud
 *       Functions, the Functions Framework's start to listening and its first request.
 * </ul>
 *
 * <p>Run from the repository's root after {@code mvn verify} (which builds the host artifacts,
 * unpacks Elasticsearch and copies the Functions Framework):
 *
 * <pre>
 * java -cp tests/target/test-classes:$(cat tests/target/worker-classpath.txt) \
 *   -Dmercury.elasticsearch.home=tests/target/elasticsearch/elasticsearch-8.19.21 \
 *   -Dmercury.gcp.invoker=tests/target/functions-framework/java-function-invoker.jar \
 *   dev.mercury.tests.hosts.HostBenchmark
 * </pre>
 *
 * {@code -Dbench.executions} (default 30) and {@code -Dbench.coldRuns} (default 3) size it; {@code
 * -Dbench.only=warm} or {@code cold} runs one part.
 */
public final class HostBenchmark {
  private static final int EXECUTIONS = Integer.getInteger("bench.executions", 30);
  private static final int COLD_RUNS = Integer.getInteger("bench.coldRuns", 3);
  private static final Path ROOT = Path.of(System.getProperty("mercury.root", "."));
  private static final String CHAIN =
      """
      {"StartAt": "P0", "States": {
        "P0": {"Type": "Pass", "Next": "P1"}, "P1": {"Type": "Pass", "Next": "P2"},
        "P2": {"Type": "Pass", "Next": "P3"}, "P3": {"Type": "Pass", "Next": "P4"},
        "P4": {"Type": "Pass", "End": true}}}""";

  private HostBenchmark() {}

  /** One step invocation of a host, from its entry point to its exit. */
  @FunctionalInterface
  interface Host {
    StepEnvelope.Reply step(StepEnvelope envelope) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    ElasticsearchNode.startOrFail();
    String only = System.getProperty("bench.only", "");
    try (HostFixture fixture = new HostFixture()) {
      if (!only.equals("cold")) {
        // A first round, not shown, so that no host pays for the JIT's first compilations.
        warm(fixture, null, orchestrator -> lambda(new LambdaHandler(orchestrator)));
        System.out.println("warm step invocation, entry to exit (ms), four in flight:");
        warm(fixture, "lambda", orchestrator -> lambda(new LambdaHandler(orchestrator)));
        warm(fixture, "gcp", orchestrator -> gcp(new StepFunction(orchestrator)));
        warm(fixture, "azure", orchestrator -> azure(new OrchestratorFunctions(orchestrator)));
      }
      if (only.equals("warm")) {
        return;
      }
      System.out.println("cold start in a fresh JVM (ms, median of " + COLD_RUNS + "):");
      Map<String, String> environment = new HashMap<>(fixture.environment());
      environment.remove("MERCURY_ACCESS_KEY");
      environment.remove("MERCURY_SECRET_KEY");
      cold("Lambda", "adapters-aws/target/mercury-lambda.jar", environment);
      cold("Azure", "adapters-azure/target/mercury-azure-functions.jar", environment);
      coldGcp(environment);
    }
  }

  private static void warm(
      HostFixture fixture, String shown, java.util.function.Function<Orchestrator, Host> make)
      throws Exception {
    String name = shown == null ? "warmup" : shown;
    try (Orchestrator orchestrator = new Orchestrator(fixture::settings)) {
      Host host = make.apply(orchestrator);
      String machine =
          Json.parseTrusted(
                  call(
                      orchestrator,
                      "CreateStateMachine",
                      Json.write(
                          Json.object()
                              .put("name", "chain-" + name)
                              .put("definition", CHAIN)
                              .put("roleArn", "arn:aws:iam::123456789012:role/mercury"))))
              .path("stateMachineArn")
              .asText();
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < EXECUTIONS; i++) {
        arns.add(
            Json.parseTrusted(
                    call(
                        orchestrator,
                        "StartExecution",
                        Json.write(
                            Json.object()
                                .put("stateMachineArn", machine)
                                .put("name", name + "-" + i)
                                .put("input", "{}"))))
                .path("executionArn")
                .asText());
      }
      ConcurrentLinkedQueue<Long> committed = new ConcurrentLinkedQueue<>();
      long started = System.nanoTime();
      try (StepBridge bridge =
          StepBridge.start(
              fixture.bus(4),
              envelope -> {
                long at = System.nanoTime();
                StepEnvelope.Reply reply = host.step(envelope);
                if (reply == StepEnvelope.Reply.COMMITTED) {
                  committed.add(System.nanoTime() - at);
                }
                return reply;
              },
              java.time.Duration.ofSeconds(1))) {
        for (String arn : arns) {
          fixture.awaitEnd(arn, java.time.Duration.ofMinutes(5));
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (shown == null) {
        return;
      }
      List<Long> sorted = new ArrayList<>(committed);
      Collections.sort(sorted);
      System.out.printf(
          "  %-7s %4d transitions  p50 %6.2f  p90 %6.2f  p99 %6.2f  (%.0f transitions/s)%n",
          name,
          sorted.size(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.90),
          percentile(sorted, 0.99),
          sorted.size() / seconds);
    }
  }

  private static String call(Orchestrator orchestrator, String action, String body) {
    SignedCall signed = SignedCall.of("127.0.0.1", action, body);
    Map<String, List<String>> headers = new HashMap<>();
    signed
        .headers()
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    ApiResponse response =
        orchestrator.http(
            new ApiRequest("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8)));
    if (response.status() != 200) {
      throw new IllegalStateException(action + " answered " + response);
    }
    return response.body();
  }

  private static Host lambda(LambdaHandler handler) {
    return envelope -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(envelope.toJson().toString().getBytes(StandardCharsets.UTF_8)),
          out,
          new TestContext());
      return StepEnvelope.Reply.of(Json.parseTrusted(out.toString(StandardCharsets.UTF_8)));
    };
  }

  private static Host gcp(StepFunction function) {
    return envelope -> {
      GcpExchange.Response response = new GcpExchange.Response();
      function.service(GcpExchange.post(envelope.toJson().toString()), response);
      return StepEnvelope.Reply.of(Json.parseTrusted(response.text()));
    };
  }

  private static Host azure(OrchestratorFunctions functions) {
    return envelope -> {
      AzureRequest request =
          new AzureRequest(
              URI.create("https://mercury-app.azurewebsites.net/step"),
              com.microsoft.azure.functions.HttpMethod.POST,
              Map.of(),
              Optional.of(envelope.toJson().toString().getBytes(StandardCharsets.UTF_8)));
      return StepEnvelope.Reply.of(
          Json.parseTrusted(String.valueOf(functions.step(request, null).getBody())));
    };
  }

  private static void cold(String host, String jar, Map<String, String> environment)
      throws Exception {
    Path artifact = ROOT.resolve(jar);
    if (!Files.isRegularFile(artifact)) {
      System.out.printf("  %-7s skipped: %s is not built%n", host, artifact);
      return;
    }
    Map<String, List<Long>> figures = new HashMap<>();
    for (int run = 0; run < COLD_RUNS; run++) {
      long spawned = System.nanoTime();
      ProcessBuilder builder =
          new ProcessBuilder(
                  java(),
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  artifact + ":" + testClasses(),
                  ColdStartProbe.class.getName(),
                  host)
              .redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(2, TimeUnit.MINUTES);
      long total = (System.nanoTime() - spawned) / 1_000_000;
      String line = output.lines().filter(l -> l.startsWith("jvm=")).findFirst().orElse(null);
      if (line == null) {
        System.out.printf("  %-7s failed:%n%s%n", host, output);
        return;
      }
      for (String pair : line.split(" ")) {
        String[] parts = pair.split("=");
        figures.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
      }
      figures.computeIfAbsent("process", k -> new ArrayList<>()).add(total);
    }
    System.out.printf(
        "  %-7s JVM start %d, init %d, first invocation (connects) %d, next invocation %d, whole"
            + " process %d%n",
        host,
        median(figures.get("jvm")),
        median(figures.get("init")),
        median(figures.get("first")),
        median(figures.get("second")),
        median(figures.get("process")));
  }

  private static void coldGcp(Map<String, String> environment) throws Exception {
    Path zip = ROOT.resolve("adapters-gcp/target/mercury-gcp-function.zip");
    if (!Files.isRegularFile(zip) || System.getProperty("mercury.gcp.invoker") == null) {
      System.out.println("  gcp     skipped: the zip or the Functions Framework is missing");
      return;
    }
    System.setProperty("mercury.gcp.zip", zip.toString());
    Path folder = Files.createTempDirectory("mercury-bench-gcp-");
    Path jar = FunctionsFramework.unpackJar(folder);
    List<Long> listening = new ArrayList<>();
    List<Long> first = new ArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    for (int run = 0; run < COLD_RUNS; run++) {
      long spawned = System.nanoTime();
      try (FunctionsFramework api =
          FunctionsFramework.start(jar, "dev.mercury.gcp.host.ApiFunction", environment)) {
        long up = System.nanoTime();
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(URI.create(api.url()))
                    .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("ListStateMachines answered " + answer.body());
        }
        listening.add((up - spawned) / 1_000_000);
        first.add((System.nanoTime() - up) / 1_000_000);
      }
    }
    Files.deleteIfExists(jar);
    Files.deleteIfExists(folder);
    System.out.printf(
        "  gcp     Functions Framework start to listening %d, first request (connects) %d%n",
        median(listening), median(first));
  }

  /** Where this class was loaded from: the probe runs from there too. */
  private static Path testClasses() throws java.net.URISyntaxException {
    return Path.of(
        ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sortedNanos.size() - 1, Math.floor(p * sortedNanos.size()));
    return sortedNanos.get(index) / 1e6;
  }
}
