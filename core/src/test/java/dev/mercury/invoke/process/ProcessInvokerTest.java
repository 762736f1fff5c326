package dev.mercury.invoke.process;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.Connections;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs small Python 3 programs as functions. */
class ProcessInvokerTest {
  @TempDir Path dir;
  private Router router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
  }

  private TaskResult run(String program, String extra, String input, long timeoutMillis)
      throws IOException {
    Files.writeString(dir.resolve("f.py"), program);
    String config =
        """
        {"connections": {"f": {"platform": "process", "command": ["python3", "f.py"]%s}}}"""
            .formatted(extra);
    router = new Router(Connections.parse(Json.parseTrusted(config), dir, name -> null), List.of());
    return call(router, request("mercury:function:f", input, timeoutMillis));
  }

  @Test
  void exitZero_stdoutJsonIsTheResult() throws IOException {
    TaskResult result =
        run(
            """
            import json, sys
            event = json.load(sys.stdin)
            print(json.dumps({"greeting": "hello " + event["name"]}))
            """,
            "",
            "{\"name\": \"Ada\"}",
            0);

    assertThat(result.output()).isEqualTo(json("{\"greeting\": \"hello Ada\"}"));
  }

  @Test
  void environment_carriesConfiguredAndMercuryVariables() throws IOException {
    TaskResult result =
        run(
            """
            import json, os
            print(json.dumps({k: os.environ[k] for k in
                ["GREETING", "MERCURY_IDEMPOTENCY_KEY", "MERCURY_STATE_NAME", "MERCURY_ATTEMPT"]}))
            """,
            ", \"env\": {\"GREETING\": \"hi\"}",
            "{}",
            0);

    assertThat(result.output().get("GREETING").asText()).isEqualTo("hi");
    assertThat(result.output().get("MERCURY_IDEMPOTENCY_KEY").asText()).endsWith("/0/1");
    assertThat(result.output().get("MERCURY_STATE_NAME").asText()).isEqualTo("Call");
    assertThat(result.output().get("MERCURY_ATTEMPT").asText()).isEqualTo("0");
  }

  @Test
  void workingDirectory_isRelativeToTheConfigFile() throws IOException {
    Files.createDirectories(dir.resolve("work"));
    Files.writeString(dir.resolve("work/data.json"), "{\"from\": \"file\"}");
    Files.writeString(
        dir.resolve("work/f.py"),
        "import sys\nsys.stdin.read()\nprint(open('data.json').read())\n");

    TaskResult result = run("", ", \"workingDirectory\": \"work\"", "{}", 0);

    assertThat(result.output()).isEqualTo(json("{\"from\": \"file\"}"));
  }

  @Test
  void nonZeroExit_withErrorTypeOnStderr_namesTheError() throws IOException {
    TaskResult result =
        run(
            """
            import json, sys
            print("working...", file=sys.stderr)
            print(json.dumps({"errorType": "OutOfStock", "errorMessage": "no pens"}), file=sys.stderr)
            sys.exit(1)
            """,
            "",
            "{}",
            0);

    assertThat(result.error()).isEqualTo("OutOfStock");
    assertThat(result.cause()).isEqualTo("no pens");
  }

  @Test
  void nonZeroExit_withErrorTypeOnStdout_namesTheError() throws IOException {
    TaskResult result =
        run(
            """
            import json, sys
            print(json.dumps({"errorType": "Invalid", "errorMessage": "bad input"}))
            sys.exit(2)
            """,
            "",
            "{}",
            0);

    assertThat(result.error()).isEqualTo("Invalid");
  }

  @Test
  void nonZeroExit_withoutErrorObject_isExitCodeWithStderrCause() throws IOException {
    TaskResult result =
        run("import sys\nprint('disk full', file=sys.stderr)\nsys.exit(3)\n", "", "{}", 0);

    assertThat(result.error()).isEqualTo("Process.ExitCode.3");
    assertThat(result.cause()).isEqualTo("disk full");
  }

  @Test
  void slowProgram_isKilledWithStatesTimeout() throws IOException {
    long start = System.nanoTime();

    TaskResult result = run("import time\ntime.sleep(30)\n", "", "{}", 500);

    assertThat(result.error()).isEqualTo("States.Timeout");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  @Test
  void connectionTimeout_appliesWhenTheTaskHasNone() throws IOException {
    TaskResult result = run("import time\ntime.sleep(30)\n", ", \"timeoutSeconds\": 0.5", "{}", 0);

    assertThat(result.error()).isEqualTo("States.Timeout");
  }

  @Test
  void stdoutNotJson_failsWithMalformedReply() throws IOException {
    TaskResult result = run("print('hello')\n", "", "{}", 0);

    assertThat(result.error()).isEqualTo("Mercury.MalformedReply");
    assertThat(result.cause()).contains("hello");
  }

  @Test
  void emptyStdout_resultIsNull() throws IOException {
    TaskResult result = run("pass\n", "", "{}", 0);

    assertThat(result.output().isNull()).isTrue();
  }

  @Test
  void missingProgram_failsWithConnectionFailed() throws IOException {
    Files.writeString(dir.resolve("f.py"), "");
    String config =
        """
        {"connections": {"f": {"platform": "process", "command": ["/nonexistent/tool"]}}}""";
    router = new Router(Connections.parse(Json.parseTrusted(config), dir, name -> null), List.of());

    TaskResult result = call(router, request("mercury:function:f", "{}"));

    assertThat(result.error()).isEqualTo("Mercury.ConnectionFailed");
    assertThat(result.cause()).contains("/nonexistent/tool");
  }
}
