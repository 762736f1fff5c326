package dev.mercury.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code nats-server} with JetStream of a test's own, on a free port of 127.0.0.1 with its store
 * in a temporary folder, so tests start from empty streams and may stop and restart the server. A
 * watchdog ends it should the test JVM die. Tests that need one are skipped when the binary is
 * missing ({@code apt-get install nats-server}).
 */
public final class NatsServer implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/nats-server");

  private final int port;
  private final Path store;
  private final List<String> extra;
  private Process process;

  private NatsServer(int port, Path store, List<String> extra) {
    this.port = port;
    this.store = store;
    this.extra = extra;
  }

  /** Starts a server, or skips the calling test when there is no nats-server binary. */
  public static NatsServer start() {
    return start(Processes.freePort(), List.of());
  }

  static NatsServer start(int port, List<String> extra) {
    Assumptions.assumeTrue(Files.isExecutable(BINARY), "nats-server is not installed at " + BINARY);
    try {
      NatsServer server = new NatsServer(port, Files.createTempDirectory("mercury-nats-"), extra);
      server.launch();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start nats-server", e);
    }
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void launch() throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                store.toString()));
    command.addAll(extra);
    process =
        new ProcessBuilder(Processes.dyingWithThisJvm(command, store.resolve("launcher.pid")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(store.resolve("server.log").toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (listening()) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "nats-server did not listen on "
            + port
            + ":\n"
            + Processes.tail(store.resolve("server.log"), 10));
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server with SIGKILL, keeping its store. */
  public void kill() {
    if (process == null) {
      return;
    }
    // The wrapper shell's child is the server itself.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit();
    process = null;
  }

  /** Starts the server again on the same port and store. */
  public void restart() {
    kill();
    try {
      launch();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart nats-server", e);
    }
  }

  private void awaitExit() {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (listening() && System.nanoTime() < deadline) {
        sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      awaitExit();
      process = null;
    }
    Processes.deleteTree(store);
  }
}
