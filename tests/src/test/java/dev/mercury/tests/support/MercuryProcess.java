package dev.mercury.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code mercury} command in a JVM of its own, started from the classpath Maven wrote to {@code
 * target/worker-classpath.txt}, so a test can kill it with SIGKILL as an operator or the kernel
 * would. Its output goes to a log file the test can show when something fails.
 */
public final class MercuryProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private MercuryProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static MercuryProcess start(Path log, String... arguments) {
    return start(log, java.util.Map.of(), arguments);
  }

  /** As {@link #start(Path, String...)}, with {@code environment} added to this JVM's. */
  public static MercuryProcess start(
      Path log, java.util.Map<String, String> environment, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx384m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    command.addAll(List.of("-cp", classpath(), "dev.mercury.local.cli.Mercury"));
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      return new MercuryProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classpath() {
    String file = System.getProperty("mercury.worker.classpath");
    if (file == null) {
      throw new IllegalStateException(
          "mercury.worker.classpath is not set; run the tests with Maven");
    }
    try {
      return Files.readString(Path.of(file)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no goodbye. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String logTail() {
    return Processes.tail(log, 20);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
