package dev.mercury.tests.hosts;

import dev.mercury.tests.support.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * One Cloud Function from {@code mercury-gcp-function.zip}, run by Google's Functions Framework
 * invoker in a JVM of its own on a loopback port, with the environment a deployment would give it:
 * the jar that Cloud Functions' Java runtime would run, as it would run it.
 */
final class FunctionsFramework implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private FunctionsFramework(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The function jar inside the built zip, unpacked into {@code folder}. */
  static Path unpackJar(Path folder) throws IOException {
    Path zip = Path.of(System.getProperty("mercury.gcp.zip", "missing"));
    Assumptions.assumeTrue(Files.isRegularFile(zip), "the Cloud Functions zip is not built");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry entry = in.getNextEntry();
      Path jar = folder.resolve(entry.getName());
      Files.copy(in, jar);
      if (in.getNextEntry() != null) {
        throw new IllegalStateException("the Cloud Functions zip holds more than one jar");
      }
      return jar;
    }
  }

  static FunctionsFramework start(Path jar, String target, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path invoker = Path.of(System.getProperty("mercury.gcp.invoker", "missing"));
    Assumptions.assumeTrue(Files.isRegularFile(invoker), "the Functions Framework is not copied");
    int port = Processes.freePort();
    Path log = Files.createTempFile("mercury-gcp-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                invoker.toString(),
                "--classpath",
                jar.toString(),
                "--target",
                target,
                "--port",
                String.valueOf(port)));
    ProcessBuilder builder =
        new ProcessBuilder(Processes.dyingWithThisJvm(command, Files.createTempFile("gcf", ".pid")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    FunctionsFramework started = new FunctionsFramework(builder.start(), port, log);
    started.awaitListening();
    return started;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Functions Framework ended:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "the Functions Framework did not listen:\n" + Files.readString(log));
  }

  String output() throws IOException {
    try (InputStream in = Files.newInputStream(log)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws Exception {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
    Files.deleteIfExists(log);
  }
}
