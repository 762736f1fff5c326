package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.api.StepFunctionsService;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Runs the shared conformance cases through the API, as a user of the AWS SDK would: one server is
 * given a Step Functions Local mock configuration holding every case's mocks (state machine {@code
 * case-N}, test case {@code main}); each case's state machine is created over HTTP and its
 * execution started on {@code stateMachineArn#main} when it has mocks. Status, output, error, cause
 * and event types are compared as {@code check.py} compares them, for every case {@code mercury
 * run} passes (conformance/passing.txt).
 */
class ConformanceThroughApiTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CASES = ROOT.resolve("../shared/conformance/cases").normalize();

  /** JSON equality in which 1, 1L and 1.0 are the same number, as they are in JSON. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  @TempDir Path dir;

  private record Case(String id, String machine, JsonNode json) {}

  @Test
  void passingCases_throughTheApiWithServerMocks_endAsAwsRecorded() throws Exception {
    assumeTrue(Files.isDirectory(CASES), "the shared conformance cases are not beside the repo");
    Set<String> passing = Set.copyOf(Files.readAllLines(ROOT.resolve("conformance/passing.txt")));
    List<Case> cases = cases(passing);
    StepFunctionsService.Options options =
        StepFunctionsService.Options.defaults().withMockConfiguration(mockConfiguration(cases));

    Map<String, String> failures = new LinkedHashMap<>();
    try (RunningServer server = new RunningServer(dir, options)) {
      Map<Case, String> started = new LinkedHashMap<>();
      for (Case c : cases) {
        started.put(c, start(server, c));
      }
      for (Map.Entry<Case, String> run : started.entrySet()) {
        String failure = compare(server.sfn, run.getKey(), server.awaitEnd(run.getValue()));
        if (failure != null) {
          failures.put(run.getKey().id(), failure);
        }
      }
    }

    assertThat(failures).as("cases that fail through the API").isEmpty();
    assertThat(cases).hasSizeGreaterThan(400);
  }

  private static List<Case> cases(Set<String> passing) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CASES)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Case> cases = new ArrayList<>();
    for (Path file : files) {
      JsonNode json = Json.parse(Files.readString(file));
      String id = json.path("id").asText();
      if (passing.contains(id)) {
        cases.add(new Case(id, "case-" + cases.size(), json));
      }
    }
    return cases;
  }

  /** Every case's mocks in one file, as check.py writes one case's. */
  private static JsonNode mockConfiguration(List<Case> cases) {
    ObjectNode file = Json.object();
    ObjectNode machines = file.putObject("StateMachines");
    ObjectNode responses = file.putObject("MockedResponses");
    for (Case c : cases) {
      ObjectNode states = machines.putObject(c.machine()).putObject("TestCases").putObject("main");
      c.json()
          .path("mocks")
          .properties()
          .forEach(
              entry -> {
                String mockName = "mock-" + responses.size();
                states.put(entry.getKey(), mockName);
                responses.set(mockName, entry.getValue());
              });
    }
    return file;
  }

  private static String start(RunningServer server, Case c) {
    String arn = server.create(c.machine(), Json.write(c.json().get("definition")));
    String target = c.json().has("mocks") ? arn + "#main" : arn;
    String input =
        Json.write(c.json().path("input").isMissingNode() ? Json.object() : c.json().get("input"));
    return server.sfn.startExecution(b -> b.stateMachineArn(target).input(input)).executionArn();
  }

  /** What check.py would report, or null when the case passes. */
  private static String compare(SfnClient sfn, Case c, DescribeExecutionResponse ended)
      throws IOException {
    JsonNode expect = c.json().get("expect");
    String status = expect.get("status").asText();
    if (!ended.statusAsString().equals(status)) {
      return "status "
          + ended.statusAsString()
          + " ("
          + ended.error()
          + ": "
          + ended.cause()
          + "), expected "
          + status;
    }
    if (ended.status() == ExecutionStatus.SUCCEEDED && expect.has("output")) {
      JsonNode actual = Json.parse(ended.output());
      JsonNode wanted = expect.get("output").deepCopy();
      for (JsonNode path : c.json().path("ignore")) {
        drop(actual, path.asText());
        drop(wanted, path.asText());
      }
      if (!actual.equals(NUMBERS_BY_VALUE, wanted)) {
        return "output " + actual + ", expected " + wanted;
      }
    }
    if (ended.status() != ExecutionStatus.SUCCEEDED) {
      if (expect.has("error") && !expect.get("error").asText().equals(ended.error())) {
        return "error " + ended.error() + ", expected " + expect.get("error").asText();
      }
      if (expect.has("cause") && !expect.get("cause").asText().equals(ended.cause())) {
        return "cause " + ended.cause() + ", expected " + expect.get("cause").asText();
      }
    }
    if (expect.has("events")) {
      List<String> types = new ArrayList<>();
      sfn.getExecutionHistoryPaginator(b -> b.executionArn(ended.executionArn()))
          .events()
          .forEach(e -> types.add(e.typeAsString()));
      List<String> wanted = new ArrayList<>();
      expect.get("events").forEach(e -> wanted.add(e.asText()));
      if (!types.equals(wanted)) {
        return "events " + types + ", expected " + wanted;
      }
    }
    return null;
  }

  /** Removes the field at a dotted path ({@code $.a.b}) when it is there. */
  private static void drop(JsonNode value, String path) {
    String[] steps = path.substring(2).split("\\.");
    JsonNode parent = value;
    for (int i = 0; i < steps.length - 1 && parent != null; i++) {
      parent = parent.get(steps[i]);
    }
    if (parent instanceof ObjectNode object) {
      object.remove(steps[steps.length - 1]);
    }
  }
}
