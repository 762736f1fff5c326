package dev.mercury.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InvalidArgumentsTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = Mercury.commandLine();
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void badSetting_stopsBeforeAnyServerIsWaitedFor_withOneLineAndWhereTheOptionsAre() {
    int exit =
        run(
            "worker",
            "--prefix",
            "Trial1",
            "--nats",
            "nats://127.0.0.1:1",
            "--elasticsearch",
            "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(Mercury.EXIT_INVALID);
    assertThat(err.toString())
        .contains("prefix (MERCURY_PREFIX) must be lower-case")
        .contains("Run 'mercury worker --help' for its options.")
        .doesNotContain("Usage:");
  }

  @Test
  void mistypedOption_isNamedWithASuggestion() {
    int exit = run("worker", "--chian", "3");

    assertThat(exit).isEqualTo(Mercury.EXIT_INVALID);
    assertThat(err.toString()).contains("--chian").contains("--chain");
  }
}
