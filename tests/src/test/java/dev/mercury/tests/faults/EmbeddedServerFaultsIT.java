package dev.mercury.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mercury server} on the embedded SQLite store, killed with SIGKILL three times while
 * executions with Wait, Map and Parallel states run, and started again on the same file each time:
 * every execution must end once with the right output and a history without gaps or repeats.
 */
class EmbeddedServerFaultsIT {
  private static final int EXECUTIONS = Integer.getInteger("mercury.faults.executions", 100);
  private static final String MACHINE =
      """
      {"StartAt": "Pause", "States": {
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Each"},
        "Each": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.echoed", "Next": "Both",
          "Iterator": {"StartAt": "Hold", "States": {
            "Hold": {"Type": "Wait", "Seconds": 1, "Next": "Echo"},
            "Echo": {"Type": "Pass", "End": true}}}},
        "Both": {"Type": "Parallel", "ResultPath": "$.both", "End": true, "Branches": [
          {"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Said"},
            "Said": {"Type": "Pass", "Result": "rested", "End": true}}},
          {"StartAt": "Same", "States": {"Same": {"Type": "Pass", "InputPath": "$.n", "End": true}}}]}}}""";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port = Processes.freePort();
  private MercuryProcess server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void serverKilledWithSigkillAndRestarted_everyExecutionEndsRightOnce() throws Exception {
    startServer();
    String machineArn =
        call(
                "CreateStateMachine",
                "{\"name\": \"faults\", \"definition\": "
                    + Json.write(Json.NODES.textNode(MACHINE))
                    + ", \"roleArn\": \"arn:aws:iam::123456789012:role/r\"}")
            .get("stateMachineArn")
            .asText();
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      arns.add(
          call(
                  "StartExecution",
                  "{\"stateMachineArn\": \"%s\", \"name\": \"e%d\", \"input\": %s}"
                      .formatted(machineArn, i, Json.write(Json.NODES.textNode(input(i)))))
              .get("executionArn")
              .asText());
    }

    for (int kill = 0; kill < 3; kill++) {
      Thread.sleep(700 + 400L * kill);
      server.kill();
      startServer();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60 + EXECUTIONS / 5).toNanos();
    while (running(arns) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }

    assertThat(running(arns))
        .as("executions still running; the server's log ends:%n%s", server.logTail())
        .isZero();
    for (int i = 0; i < arns.size(); i++) {
      assertCompleted(arns.get(i), i);
    }
  }

  private void startServer() throws Exception {
    Path log = dir.resolve("server.log");
    if (!Files.exists(log)) {
      Files.createFile(log);
    }
    server =
        MercuryProcess.start(
            log, "server", "--db", dir.resolve("m.db").toString(), "--port", String.valueOf(port));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        call("ListStateMachines", "{}");
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the server did not answer:\n" + server.logTail());
  }

  private static String input(int i) {
    return "{\"n\": %d, \"items\": [%d, %d, %d]}".formatted(i, i, i + 1, i + 2);
  }

  private int running(List<String> arns) throws Exception {
    int running = 0;
    for (String arn : arns) {
      if ("RUNNING".equals(describe(arn).get("status").asText())) {
        running++;
      }
    }
    return running;
  }

  private JsonNode describe(String arn) throws Exception {
    return call("DescribeExecution", "{\"executionArn\": \"" + arn + "\"}");
  }

  private void assertCompleted(String arn, int i) throws Exception {
    JsonNode execution = describe(arn);
    assertThat(execution.get("status").asText()).as(arn).isEqualTo("SUCCEEDED");
    assertThat(Json.parseTrusted(execution.get("output").asText()))
        .as("output of %s", arn)
        .isEqualTo(
            Json.parseTrusted(
                "{\"n\": %d, \"items\": [%d, %d, %d], \"echoed\": [%d, %d, %d], \"both\": [\"rested\", %d]}"
                    .formatted(i, i, i + 1, i + 2, i, i + 1, i + 2, i)));
    JsonNode events =
        call("GetExecutionHistory", "{\"executionArn\": \"" + arn + "\", \"maxResults\": 1000}")
            .get("events");
    List<Long> ids = new ArrayList<>();
    List<String> types = new ArrayList<>();
    events.forEach(
        e -> {
          ids.add(e.get("id").asLong());
          types.add(e.get("type").asText());
        });
    assertThat(ids)
        .as("history ids of %s", arn)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList());
    assertThat(types.stream().filter("ExecutionSucceeded"::equals)).hasSize(1);
  }

  private JsonNode call(String action, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions." + action)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          action + " answered " + response.statusCode() + ": " + response.body());
    }
    return (ObjectNode) Json.parseTrusted(response.body());
  }
}
