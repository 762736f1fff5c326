package dev.mercury.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.api.StepFunctionsService;
import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.engine.Engine;
import dev.mercury.engine.Worker;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.local.server.HttpTrigger;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mercury server}: the whole engine in one process on the embedded SQLite store, with the
 * Step Functions API on port 8083. Executions survive a restart: they carry on from the file. With
 * {@code --nats} and {@code --elasticsearch} it serves the same API on the distributed backends
 * instead, and takes transitions beside any {@code mercury worker} processes.
 */
@Command(
    name = "server",
    description = "Runs the engine and the AWS Step Functions API on the embedded store.",
    mixinStandardHelpOptions = true)
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "${env:MERCURY_PORT:-8083}",
      description = "The API's port (default 8083; env MERCURY_PORT).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:MERCURY_HOST:-127.0.0.1}",
      description = "The address to listen on (default 127.0.0.1; env MERCURY_HOST).")
  String host;

  @Option(
      names = "--db",
      defaultValue = "${env:MERCURY_DB:-mercury.db}",
      description = "The SQLite file that holds everything (default ./mercury.db; env MERCURY_DB).")
  Path db;

  @Mixin Backends backends;

  @Option(
      names = "--access-key",
      defaultValue = "${env:MERCURY_ACCESS_KEY}",
      paramLabel = "ID",
      description =
          "Require requests signed (SigV4) with this access key ID (env MERCURY_ACCESS_KEY);"
              + " without it any request is accepted, signed or not.")
  String accessKey;

  @Option(
      names = "--secret-key",
      defaultValue = "${env:MERCURY_SECRET_KEY}",
      paramLabel = "KEY",
      description = "The secret access key for --access-key (env MERCURY_SECRET_KEY).")
  String secretKey;

  @Option(
      names = "--mock-config",
      paramLabel = "FILE",
      description =
          "A Step Functions Local mock configuration: start an execution on"
              + " 'stateMachineArn#TestCase' to have that test case answer its Task states.")
  Path mockConfig;

  @Option(
      names = "--rate-limit",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Answer ThrottlingException beyond N requests a second, with bursts of 2N (default 0:"
              + " no limit).")
  double rateLimit;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if ((accessKey == null) != (secretKey == null)) {
      err.println("mercury server: give --access-key and --secret-key together, or neither.");
      return Mercury.EXIT_INVALID;
    }
    StepFunctionsService.Options options =
        StepFunctionsService.Options.defaults()
            .withAccessKeys(accessKey == null ? Map.of() : Map.of(accessKey, secretKey))
            .withRateLimit(rateLimit);
    if (mockConfig != null) {
      try {
        options = options.withMockConfiguration(readMocks(mockConfig));
      } catch (IllegalArgumentException e) {
        err.println("mercury server: " + e.getMessage());
        return Mercury.EXIT_INVALID;
      }
    }
    if (backends.distributed()) {
      return distributed(options);
    }
    Path connections = backends.configPath();
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(db);
        Router router = Router.create(backends.file().connections())) {
      // Without connections there is nothing to call: callback Tasks then wait for their token,
      // and other Tasks fail naming their resource, as the service does with no invoker.
      StepFunctionsService service =
          StepFunctionsService.create(
              store.stateMachines(),
              store,
              store.resources(),
              connections == null ? options : options.withInvoker(router));
      service.engine().resume();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      try (HttpTrigger trigger = HttpTrigger.start(host, port, service.api())) {
        spec.commandLine()
            .getOut()
            .printf(
                "mercury server: API on http://%s:%d, store %s%s%n",
                host,
                trigger.port(),
                db.toAbsolutePath(),
                accessKey == null ? "" : ", SigV4 required");
        spec.commandLine().getOut().flush();
        service.engine().runUntil(() -> stopped.getCount() == 0);
      }
    }
    return 0;
  }

  /**
   * The API on Elasticsearch and NATS: executions it starts go to JetStream, and a worker in this
   * process takes transitions beside any {@code mercury worker} processes.
   */
  private int distributed(StepFunctionsService.Options options) throws Exception {
    backends.checkAll();
    String natsUrl = backends.natsUrl();
    String elasticsearchUrl = backends.elasticsearchUrl();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    try (ElasticsearchCheckpointStore store = backends.openStore();
        JetStreamBus bus = backends.connectBus();
        Worker worker = backends.startWorker(store, bus)) {
      // Tasks run in the workers, so callbacks, activities and child executions through this
      // API are not available on the distributed backends yet.
      StepFunctionsService service =
          StepFunctionsService.create(
              store.stateMachines(),
              store,
              store.resources(),
              options,
              invoker -> Engine.frontDoor(store, bus, Clock.SYSTEM));
      try (HttpTrigger trigger = HttpTrigger.start(host, port, service.api())) {
        spec.commandLine()
            .getOut()
            .printf(
                "mercury server: API on http://%s:%d, steps from %s, checkpoints in %s%n",
                host, trigger.port(), natsUrl, elasticsearchUrl);
        spec.commandLine().getOut().flush();
        stopped.await();
      }
    }
    return 0;
  }

  private static JsonNode readMocks(Path file) {
    try {
      return Json.parse(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ": the mock configuration is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
