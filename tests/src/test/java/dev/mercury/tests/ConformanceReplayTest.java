package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.engine.VirtualClock;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.invoke.mock.MockConfiguration;
import dev.mercury.invoke.mock.MockInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Invoker;
import dev.mercury.store.memory.EncodedCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance case that {@code mercury run} passes again on the store that decodes a
 * fresh checkpoint from its Protocol Buffers bytes before every transition, under a virtual clock.
 * Equal results show that a transition needs nothing but the stored checkpoint.
 */
class ConformanceReplayTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CASES = ROOT.resolve("../shared/conformance/cases").normalize();

  @TestFactory
  Stream<DynamicTest> passingCase_onFreshCheckpointEveryTransition_endsAsAwsRecorded()
      throws IOException {
    assumeTrue(Files.isDirectory(CASES), "the shared conformance cases are not beside the repo");
    Set<String> passing = Set.copyOf(Files.readAllLines(ROOT.resolve("conformance/passing.txt")));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CASES)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream()
        .map(ConformanceReplayTest::read)
        .filter(c -> passing.contains(c.path("id").asText()))
        .map(c -> DynamicTest.dynamicTest(c.path("id").asText(), () -> check(c)));
  }

  /** JSON equality in which 1, 1L and 1.0 are the same number, as they are in JSON. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static void check(JsonNode testCase) throws InterruptedException {
    EncodedCheckpointStore store = new EncodedCheckpointStore();
    Engine engine = new Engine(store, invoker(testCase), new VirtualClock(1_700_000_000_000L));
    Checkpoint started =
        engine.start(
            DefinitionParser.parse(testCase.get("definition")),
            Arns.stateMachine("case"),
            "replay",
            Json.write(testCase.path("input")));
    Checkpoint ended = engine.runToEnd(started.executionArn);

    JsonNode expect = testCase.get("expect");
    assertThat(ended.status.name()).isEqualTo(expect.get("status").asText());
    if (expect.has("output") && !testCase.has("ignore")) {
      assertThat(ended.output.equals(NUMBERS_BY_VALUE, expect.get("output")))
          .as("output %s, expected %s", ended.output, expect.get("output"))
          .isTrue();
    }
    if (expect.has("error")) {
      assertThat(ended.error).isEqualTo(expect.get("error").asText());
    }
    if (expect.has("events")) {
      List<String> types = store.history(ended.executionArn).stream().map(e -> e.type()).toList();
      assertThat(types).containsExactlyElementsOf(strings(expect.get("events")));
    }
  }

  private static List<String> strings(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
        .map(i -> array.get(i).asText())
        .toList();
  }

  /** The case's mocks as a Step Functions Local configuration, as check.py writes them. */
  private static Invoker invoker(JsonNode testCase) {
    if (!testCase.has("mocks")) {
      return new NoInvoker();
    }
    ObjectNode file = Json.object();
    ObjectNode states =
        file.putObject("StateMachines").putObject("case").putObject("TestCases").putObject("main");
    ObjectNode responses = file.putObject("MockedResponses");
    testCase
        .get("mocks")
        .properties()
        .forEach(
            entry -> {
              String mockName = "mock-" + responses.size();
              states.put(entry.getKey(), mockName);
              responses.set(mockName, entry.getValue());
            });
    return new MockInvoker(MockConfiguration.of(file, "case", "main"), new NoInvoker());
  }
}
