package dev.mercury.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mercury run --config} and {@code mercury validate --config} on the shipped example. */
class RunWithConnectionsTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  record Outcome(int exit, String out, String err) {
    JsonNode report() {
      String[] lines = out.strip().split("\n");
      return Json.parseTrusted(lines[lines.length - 1]);
    }
  }

  static Outcome mercury(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Mercury.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void run_wordCountExample_callsThePythonFunction() {
    Outcome outcome =
        mercury(
            "run",
            EXAMPLES.resolve("word-count.asl.json").toString(),
            "--input-file",
            EXAMPLES.resolve("word-count.input.json").toString(),
            "--config",
            EXAMPLES.resolve("mercury.json").toString(),
            "--format",
            "json");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.report().at("/output/count/words").asInt()).isEqualTo(6);
    assertThat(outcome.err()).doesNotContain("warning");
  }

  @Test
  void run_functionNamesItsError_catchTakesIt() {
    Outcome outcome =
        mercury(
            "run",
            EXAMPLES.resolve("word-count.asl.json").toString(),
            "--input",
            "{\"text\": \"\"}",
            "--config",
            EXAMPLES.resolve("mercury.json").toString(),
            "--format",
            "json");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.report().at("/output/cause").asText())
        .isEqualTo("there is no text to count");
  }

  @Test
  void run_withoutConfig_warnsAndTheTaskFailsWithNoConnection() {
    Outcome outcome =
        mercury(
            "run",
            EXAMPLES.resolve("word-count.asl.json").toString(),
            "--input",
            "{\"text\": \"a\"}",
            "--format",
            "json");

    assertThat(outcome.exit()).isEqualTo(Mercury.EXIT_FAILED);
    assertThat(outcome.err()).contains("warning").contains("\"word-count\"");
    assertThat(outcome.report().get("error").asText()).isEqualTo("Mercury.NoConnection");
  }

  @Test
  void run_mockedState_isNotReportedAndMockAnswers() {
    Outcome outcome =
        mercury(
            "run",
            EXAMPLES.resolve("orders.asl.json").toString(),
            "--input-file",
            EXAMPLES.resolve("orders.input.json").toString(),
            "--mock-config",
            EXAMPLES.resolve("orders.mocks.json").toString(),
            "--test-case",
            "HappyPath",
            "--config",
            EXAMPLES.resolve("mercury.json").toString());

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.err()).doesNotContain("warning");
  }

  @Test
  void run_badConfig_isRefusedBeforeRunning(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{\"connections\": {\"f\": {\"platform\": \"openfaas\"}}}");

    Outcome outcome =
        mercury(
            "run", EXAMPLES.resolve("hello.asl.json").toString(), "--config", config.toString());

    assertThat(outcome.exit()).isEqualTo(Mercury.EXIT_INVALID);
    assertThat(outcome.err()).contains("\"f\"").contains("url");
  }

  @Test
  void validate_withConfig_reportsResourcesNothingCanCall() {
    Outcome outcome =
        mercury(
            "validate",
            "--config",
            EXAMPLES.resolve("mercury.json").toString(),
            EXAMPLES.resolve("word-count.asl.json").toString(),
            EXAMPLES.resolve("four-clouds.asl.json").toString());

    // The Lambda state has an invoker (adapters-aws is on the class path); the others' connections
    // are in the example's own config file, not in this one.
    assertThat(outcome.exit()).isEqualTo(Mercury.EXIT_INVALID);
    assertThat(outcome.out()).contains("word-count.asl.json: valid");
    assertThat(outcome.out()).contains("'PriceOrder'").contains("\"price-order\"");
    assertThat(outcome.out()).doesNotContain("'ValidateOrder'");
  }
}
