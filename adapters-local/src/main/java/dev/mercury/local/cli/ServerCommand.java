package dev.mercury.local.cli;

import dev.mercury.api.StepFunctionsApi;
import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.engine.Engine;
import dev.mercury.engine.Worker;
import dev.mercury.invoke.Router;
import dev.mercury.local.server.HttpTrigger;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import java.nio.file.Path;
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

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The config file whose connections Task states call (default: MERCURY_CONFIG).")
  Path config;

  @Mixin Backends backends;

  @Override
  public Integer call() throws Exception {
    if (backends.distributed()) {
      return distributed();
    }
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(db);
        Router router = Router.create(ConfigFile.read(ConfigFile.locate(config)))) {
      Engine engine = new Engine(store, router, Clock.SYSTEM);
      engine.resume();
      StepFunctionsApi api = new StepFunctionsApi(store.stateMachines(), store, engine);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      try (HttpTrigger trigger = HttpTrigger.start(host, port, api)) {
        spec.commandLine()
            .getOut()
            .printf(
                "mercury server: API on http://%s:%d, store %s%n",
                host, trigger.port(), db.toAbsolutePath());
        spec.commandLine().getOut().flush();
        engine.runUntil(() -> stopped.getCount() == 0);
      }
    }
    return 0;
  }

  /**
   * The API on Elasticsearch and NATS: executions it starts go to JetStream, and a worker in this
   * process takes transitions beside any {@code mercury worker} processes.
   */
  private int distributed() throws Exception {
    String natsUrl = backends.natsUrl();
    String elasticsearchUrl = backends.elasticsearchUrl();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    try (ElasticsearchCheckpointStore store = backends.openStore();
        JetStreamBus bus = backends.connectBus();
        Worker worker =
            new Worker(
                    store,
                    bus,
                    backends.invoker(bus),
                    Clock.SYSTEM,
                    Worker.Settings.defaults().withSweepLease(backends.sweepLease()))
                .start()) {
      Engine frontDoor = Engine.frontDoor(store, bus, Clock.SYSTEM);
      StepFunctionsApi api = new StepFunctionsApi(store.stateMachines(), store, frontDoor);
      try (HttpTrigger trigger = HttpTrigger.start(host, port, api)) {
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
}
