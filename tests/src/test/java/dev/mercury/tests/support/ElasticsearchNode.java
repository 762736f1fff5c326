package dev.mercury.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Elasticsearch node shared by every test class of a run that asks for it with
 * {@code @ExtendWith(ElasticsearchNode.class)}.
 *
 * <p>The node is Elastic's integration-test distribution, unpacked by Maven into {@code
 * target/elasticsearch}; it listens on free ports of 127.0.0.1 as a single node without security,
 * with a 512 MiB heap and this JVM's JDK. Elasticsearch refuses to run as root, so when the tests
 * run as root the node runs as the user {@code mercury-es}, created when missing. It starts once
 * (about 20 s), stops when JUnit closes its root store at the end of the run, and a watchdog shell
 * stops it should this JVM die first. When it cannot start, the tests that need it are skipped with
 * the reason. {@code MERCURY_TEST_ELASTICSEARCH=http://host:port} uses a running node instead.
 */
public final class ElasticsearchNode implements BeforeAllCallback {
  private static final String USER = "mercury-es";
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  /** The node's address, such as {@code http://127.0.0.1:41234}. */
  public static String url() {
    return Running.instance().url;
  }

  /** Starts the node outside JUnit (for the benchmark); throws when it cannot start. */
  public static String startOrFail() {
    Running node = Running.instance();
    if (node.failure != null) {
      throw new IllegalStateException("Elasticsearch did not start: " + node.failure);
    }
    return node.url;
  }

  /**
   * Kills the node with SIGKILL, as a crash or an operator would, keeping its data folder, ports
   * and settings for {@link #restart}. Skips the calling test when the node is not this run's own.
   */
  public static void kill() {
    Running node = Running.instance();
    Assumptions.assumeTrue(node.process != null, "the Elasticsearch node is not this run's own");
    node.kill();
  }

  /** Starts the node again on the same port and data, and waits until it is healthy. */
  public static void restart() {
    Running.instance().relaunch();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Running node =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    Assumptions.assumeTrue(
        node.failure == null, () -> "Elasticsearch is not available: " + node.failure);
  }

  /** The started node (or why it did not start), closed by JUnit at the end of the run. */
  static final class Running implements AutoCloseable {
    private static Running instance;

    final String url;
    final String failure;
    private Process process;
    private final Path work;
    private final List<String> command;

    private Running(String url, String failure, Process process, Path work, List<String> command) {
      this.url = url;
      this.failure = failure;
      this.process = process;
      this.work = work;
      this.command = command;
    }

    static synchronized Running instance() {
      if (instance == null) {
        instance = start();
      }
      return instance;
    }

    static synchronized Running start() {
      if (instance != null) {
        return instance;
      }
      String given = System.getenv("MERCURY_TEST_ELASTICSEARCH");
      if (given != null && !given.isBlank()) {
        instance =
            new Running(
                given, healthy(given) ? null : "no node answers at " + given, null, null, null);
        return instance;
      }
      instance = launch();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
      return instance;
    }

    private static Running launch() {
      String home = System.getProperty("mercury.elasticsearch.home");
      if (home == null || !Files.isDirectory(Path.of(home, "bin"))) {
        return failed(
            "the distribution is not unpacked at " + home + " (run the tests with mvn verify)");
      }
      Path work = null;
      try {
        work = Files.createTempDirectory("mercury-es-");
        for (String dir : List.of("data", "logs", "config", "tmp")) {
          Files.createDirectories(work.resolve(dir));
        }
        copyConfig(Path.of(home, "config"), work.resolve("config"));
        if (Processes.isRoot() && !prepareUser(work)) {
          return failed("cannot create or use the unprivileged user " + USER);
        }
        int http = Processes.freePort();
        String url = "http://127.0.0.1:" + http;
        List<String> command = command(home, work, http);
        Process process = spawn(command, work);
        if (!awaitHealthy(url, process)) {
          String why = unhealthy(work);
          new Running(url, why, process, work, command).close();
          return failed(why);
        }
        return new Running(url, null, process, work, command);
      } catch (IOException e) {
        Processes.deleteTree(work);
        return failed(e.toString());
      }
    }

    private static Process spawn(List<String> command, Path work) throws IOException {
      return new ProcessBuilder(Processes.dyingWithThisJvm(command, work.resolve("launcher.pid")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()))
          .start();
    }

    private static String unhealthy(Path work) {
      return "it did not become healthy within "
          + START_LIMIT.toSeconds()
          + " s; its log ends:\n"
          + Processes.tail(work.resolve("console.log"), 15);
    }

    private static Running failed(String why) {
      System.err.println("Elasticsearch for the tests did not start: " + why);
      return new Running(null, why, null, null, null);
    }

    synchronized void kill() {
      if (process == null) {
        return;
      }
      // The server is a grandchild of the watchdog shell; SIGKILL to the whole tree.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      while (healthy(url)) {
        sleep(200);
      }
    }

    synchronized void relaunch() {
      if (command == null) {
        throw new IllegalStateException("the Elasticsearch node is not this run's own");
      }
      try {
        process = spawn(command, work);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start Elasticsearch again", e);
      }
      if (!awaitHealthy(url, process)) {
        throw new IllegalStateException("Elasticsearch did not come back: " + unhealthy(work));
      }
    }

    private static void copyConfig(Path from, Path to) throws IOException {
      try (var files = Files.walk(from)) {
        for (Path source : files.toList()) {
          Path target = to.resolve(from.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }

    private static boolean prepareUser(Path work) {
      if (Processes.run("id", "-u", USER) != 0
          && Processes.run(
                  "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER)
              != 0) {
        return false;
      }
      return Processes.run("chown", "-R", USER + ":", work.toString()) == 0
          && Processes.run("chmod", "o+rx", work.toString()) == 0;
    }

    private static List<String> command(String home, Path work, int http) {
      List<String> command = new ArrayList<>();
      if (Processes.isRoot()) {
        command.addAll(List.of("setpriv", "--reuid", USER, "--regid", USER, "--init-groups", "--"));
      }
      command.addAll(
          List.of(
              "env",
              "HOME=" + work,
              "ES_JAVA_HOME=" + System.getProperty("java.home"),
              "ES_PATH_CONF=" + work.resolve("config"),
              "ES_TMPDIR=" + work.resolve("tmp"),
              "ES_JAVA_OPTS=-Xms512m -Xmx512m",
              home + "/bin/elasticsearch",
              "-p",
              work.resolve("elasticsearch.pid").toString(),
              "-E",
              "discovery.type=single-node",
              "-E",
              "xpack.security.enabled=false",
              "-E",
              "network.host=127.0.0.1",
              "-E",
              "http.port=" + http,
              "-E",
              "transport.port=" + Processes.freePort(),
              "-E",
              "path.data=" + work.resolve("data"),
              "-E",
              "path.logs=" + work.resolve("logs"),
              "-E",
              "cluster.name=mercury-tests",
              "-E",
              "cluster.routing.allocation.disk.threshold_enabled=false",
              "-E",
              "action.destructive_requires_name=false"));
      return command;
    }

    private static boolean awaitHealthy(String url, Process process) {
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        if (healthy(url)) {
          return true;
        }
        sleep(500);
      }
      return false;
    }

    static boolean healthy(String url) {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
      if (process == null || closed) {
        return;
      }
      closed = true;
      stopServer();
      process.destroy();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
      Processes.deleteTree(work);
    }

    /** SIGTERM to the node by its pid file, then SIGKILL if it lingers. */
    private void stopServer() {
      try {
        Path pidFile = work.resolve("elasticsearch.pid");
        if (!Files.exists(pidFile)) {
          return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid)
            .ifPresent(
                server -> {
                  server.destroy();
                  try {
                    server.onExit().get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    server.destroyForcibly();
                  }
                });
      } catch (IOException | NumberFormatException e) {
        // The wrapper's watchdog ends it when this JVM is gone.
      }
    }
  }
}
