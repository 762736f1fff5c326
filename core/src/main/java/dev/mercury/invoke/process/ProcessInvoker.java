package dev.mercury.invoke.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.invoke.internal.FunctionReply;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program as a function (platform {@code process}). The connection gives {@code
 * command} (a list: the program and its arguments, run without a shell), an optional {@code
 * workingDirectory} (relative to the config file's folder, which is also the default) and {@code
 * env} (added to Mercury's own environment).
 *
 * <p>The Task's input goes to the program's standard input as JSON; its standard output, as JSON,
 * is the result (empty output is null). Exit code 0 succeeds. Any other exit code fails the task
 * with the error the program names in a JSON object {@code {"errorType": ..., "errorMessage": ...}}
 * on its standard error or standard output (the whole stream, or its last line), or else with
 * {@code Process.ExitCode.N} and the standard error as the cause. A program still running when the
 * call's time is up is killed, with its children, and the task fails with {@code States.Timeout}.
 *
 * <p>The program also gets {@code MERCURY_IDEMPOTENCY_KEY}, {@code MERCURY_EXECUTION_ARN}, {@code
 * MERCURY_STATE_NAME} and {@code MERCURY_ATTEMPT} in its environment. Each call waits on a virtual
 * thread, so a slow program holds no platform thread.
 */
public final class ProcessInvoker implements Invoker {
  private final Connection connection;
  private final List<String> command;
  private final Path directory;
  private final Map<String, String> env;
  private final ExecutorService executor;

  public ProcessInvoker(Connection connection, ExecutorService executor) {
    this.connection = connection;
    this.command = command(connection);
    this.directory = directory(connection);
    this.env = env(connection);
    this.executor = executor;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    return CompletableFuture.supplyAsync(() -> run(request), executor);
  }

  private TaskResult run(InvokeRequest request) {
    Process process;
    try {
      process = start(request);
    } catch (IOException e) {
      return TaskResult.failure(
          InvokeErrors.CONNECTION_FAILED,
          "Could not start "
              + command.get(0)
              + " for connection \""
              + connection.name()
              + "\": "
              + e.getMessage());
    }
    try {
      Future<byte[]> stdout = executor.submit(() -> readAll(process.getInputStream()));
      Future<byte[]> stderr = executor.submit(() -> readAll(process.getErrorStream()));
      writeInput(process, request.parameters());
      Duration timeout = connection.timeoutFor(request);
      if (!waitFor(process, timeout)) {
        kill(process);
        return TaskResult.failure(
            ErrorName.TIMEOUT,
            command.get(0) + " ran longer than " + timeout.toMillis() + " ms and was stopped.");
      }
      return outcome(process.exitValue(), stdout.get(), stderr.get());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + command.get(0) + " ran", e);
    } catch (java.util.concurrent.ExecutionException e) {
      kill(process);
      throw new UncheckedIOException(new IOException("cannot read the program's output", e));
    }
  }

  private Process start(InvokeRequest request) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    environment.putAll(env);
    environment.put("MERCURY_IDEMPOTENCY_KEY", request.idempotencyKey());
    environment.put("MERCURY_EXECUTION_ARN", request.executionArn());
    environment.put("MERCURY_STATE_NAME", request.stateName());
    environment.put("MERCURY_ATTEMPT", Integer.toString(request.attempt()));
    return builder.start();
  }

  /** Writes the input; a program that exits without reading it all is not an error. */
  private static void writeInput(Process process, JsonNode input) {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(Json.write(input).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The program closed its standard input early; its exit code and output still decide.
    }
  }

  private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
    if (timeout == null) {
      process.waitFor();
      return true;
    }
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static TaskResult outcome(int exit, byte[] stdout, byte[] stderr) {
    String err = new String(stderr, StandardCharsets.UTF_8);
    if (exit == 0) {
      return FunctionReply.success(stdout, null);
    }
    String out = new String(stdout, StandardCharsets.UTF_8);
    return FunctionReply.namedError(err)
        .or(() -> FunctionReply.namedError(out))
        .orElseGet(
            () -> TaskResult.failure("Process.ExitCode." + exit, InvokeErrors.cause(err.strip())));
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static byte[] readAll(InputStream stream) throws IOException {
    try (stream) {
      return stream.readAllBytes();
    }
  }

  private static List<String> command(Connection connection) {
    JsonNode node = connection.settings().path("command");
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException(
          "connection \""
              + connection.name()
              + "\" (platform process) needs \"command\", a list such as [\"python3\", \"f.py\"]");
    }
    List<String> command = new ArrayList<>();
    node.forEach(part -> command.add(part.asText()));
    return List.copyOf(command);
  }

  private static Path directory(Connection connection) {
    String dir = connection.setting("workingDirectory", null);
    return dir == null ? connection.baseDirectory() : connection.baseDirectory().resolve(dir);
  }

  private static Map<String, String> env(Connection connection) {
    JsonNode node = connection.settings().path("env");
    Map<String, String> env = new java.util.HashMap<>();
    node.properties().forEach(field -> env.put(field.getKey(), field.getValue().asText()));
    return Map.copyOf(env);
  }
}
