package dev.mercury.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code mercury bridge} refuses before it connects to anything. */
class BridgeCommandTest {
  @TempDir Path folder;

  @Test
  void functionNotInTheConfigFile_isRefusedByName() throws Exception {
    Path config = folder.resolve("mercury.json");
    Files.writeString(
        config,
        "{\"connections\": {\"step\": {\"platform\": \"http\", \"url\": \"http://127.0.0.1:9/\"}}}");

    RunWithConnectionsTest.Outcome result =
        RunWithConnectionsTest.mercury(
            "bridge",
            "--nats",
            "nats://127.0.0.1:9",
            "--config",
            config.toString(),
            "--function",
            "orchestrator");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("no connection \"orchestrator\"");
  }

  @Test
  void help_explainsTheEnvelopeAndEachPlatform() {
    RunWithConnectionsTest.Outcome result = RunWithConnectionsTest.mercury("bridge", "--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("--function", "--tick", "--concurrency", "acknowledged only")
        .contains("aws-lambda", "azure-functions", "gcp-functions");
  }
}
