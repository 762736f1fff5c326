package dev.mercury.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process and file chores shared by the servers the tests start. */
public final class Processes {
  private Processes() {}

  /** A TCP port free on 127.0.0.1 at the moment of asking. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs a short command to its end and returns its exit status; its output is discarded. */
  public static int run(String... command) {
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(devNull()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static ProcessBuilder.Redirect devNull() {
    return ProcessBuilder.Redirect.to(new java.io.File("/dev/null"));
  }

  /**
   * Wraps {@code command} in a shell that ends it (SIGTERM, then SIGKILL) as soon as this JVM is
   * gone, however this JVM ends: a server started by a test never outlives the build.
   */
  public static List<String> dyingWithThisJvm(List<String> command, Path pidFile) {
    String quoted = String.join(" ", command.stream().map(Processes::quote).toList());
    String script =
        quoted
            + " & child=$!; echo $child > "
            + quote(pidFile.toString())
            + "; while kill -0 $child 2>/dev/null && kill -0 "
            + ProcessHandle.current().pid()
            + " 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null;"
            + " for i in $(seq 1 30); do kill -0 $child 2>/dev/null || exit 0; sleep 1; done;"
            + " kill -9 $child 2>/dev/null";
    List<String> wrapped = new ArrayList<>(List.of("/bin/bash", "-c", script));
    return wrapped;
  }

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left for the OS to clean from the temp folder.
    }
  }

  /** The last lines of a log file, for a failure message. */
  public static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + file + ")";
    }
  }
}
