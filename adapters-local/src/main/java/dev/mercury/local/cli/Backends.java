package dev.mercury.local.cli;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.bus.nats.NatsRequestInvoker;
import dev.mercury.engine.Worker;
import dev.mercury.host.BackendSettings;
import dev.mercury.invoke.ConnectionsFirst;
import dev.mercury.invoke.Router;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options shared by {@code mercury worker} and {@code mercury server} for NATS and
 * Elasticsearch. Each is read, in order, from its flag ({@code --nats}), its environment variable
 * ({@code MERCURY_NATS}) and the JSON config file named by {@code --config} or {@code
 * MERCURY_CONFIG} ({@code "nats": ...}, see {@link ConfigFile}); the names are the same everywhere.
 */
final class Backends {
  @Spec(Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--nats",
      paramLabel = "URL",
      description = "NATS server(s) with JetStream, e.g. nats://127.0.0.1:4222 (env MERCURY_NATS).")
  String nats;

  @Option(
      names = "--elasticsearch",
      paramLabel = "URL",
      description = "Elasticsearch, e.g. http://127.0.0.1:9200 (env MERCURY_ELASTICSEARCH).")
  String elasticsearch;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A JSON config file: any of these options by name, and the connections Task states call (env MERCURY_CONFIG).")
  Path config;

  @Option(
      names = "--prefix",
      paramLabel = "NAME",
      description =
          "Start of stream, subject and index names (default mercury; env MERCURY_PREFIX).")
  String prefix;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Messages a worker handles at once (default 64; env MERCURY_CONCURRENCY).")
  String concurrency;

  @Option(
      names = "--ack-wait",
      paramLabel = "SECONDS",
      description =
          "How long before a dead worker's messages go to another (default 30; env MERCURY_ACK_WAIT).")
  String ackWait;

  @Option(
      names = "--sweep-lease",
      paramLabel = "SECONDS",
      description =
          "How long an execution with pending work may stand still before its work is sent again (default 300; env MERCURY_SWEEP_LEASE).")
  String sweepLease;

  @Option(
      names = "--chain",
      paramLabel = "N",
      description =
          "Transitions of its own execution a step may take along into its commit; 0 sends every step through NATS (default 32; env MERCURY_CHAIN).")
  String chain;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Elasticsearch replicas per shard (default 1; env MERCURY_REPLICAS).")
  String replicas;

  @Option(
      names = "--nats-replicas",
      paramLabel = "N",
      description =
          "JetStream stream replicas (default 1; 3 on a cluster; env MERCURY_NATS_REPLICAS).")
  String natsReplicas;

  /** Where environment variables come from; tests give their own. */
  Function<String, String> env = System::getenv;

  private ConfigFile file;

  /** Whether either backend was named anywhere. */
  boolean distributed() {
    return settings().distributed();
  }

  /**
   * Reads every setting and the config file's connections once, so a bad value stops the command
   * before it waits for a server, not after.
   */
  void checkAll() {
    natsUrl();
    elasticsearchUrl();
    natsOptions();
    elasticsearchOptions();
    concurrency();
    sweepLease();
    chain();
    checked(() -> file().connections());
  }

  String natsUrl() {
    return checked(settings()::natsUrl);
  }

  String elasticsearchUrl() {
    return checked(settings()::elasticsearchUrl);
  }

  NatsOptions natsOptions() {
    return checked(settings()::natsOptions);
  }

  ElasticsearchOptions elasticsearchOptions() {
    return checked(settings()::elasticsearchOptions);
  }

  int concurrency() {
    return checked(settings()::concurrency);
  }

  Duration sweepLease() {
    return checked(settings()::sweepLease);
  }

  int chain() {
    return checked(settings()::chain);
  }

  ElasticsearchCheckpointStore openStore() {
    return ElasticsearchCheckpointStore.open(elasticsearchUrl(), elasticsearchOptions());
  }

  JetStreamBus connectBus() {
    return JetStreamBus.connect(natsOptions(), concurrency());
  }

  /**
   * A worker on these backends, started: Task states whose resource a connection of the config file
   * answers are called through it, the others over NATS request-reply.
   */
  Worker startWorker(ElasticsearchCheckpointStore store, JetStreamBus bus) {
    ConnectionsFirst invoker =
        new ConnectionsFirst(
            Router.create(checked(() -> file().connections())),
            new NatsRequestInvoker(bus.connection(), bus.options(), Duration.ofMinutes(5)));
    return new Worker(
            store,
            bus,
            invoker,
            Clock.SYSTEM,
            Worker.Settings.defaults().withSweepLease(sweepLease()).withChain(chain()))
        .closing(invoker)
        .start();
  }

  /**
   * The settings by name, each from its flag, else its environment variable, else the config file:
   * the same names the function hosts read from their environment.
   */
  BackendSettings settings() {
    Map<String, String> flags = new HashMap<>();
    flags.put("nats", nats);
    flags.put("elasticsearch", elasticsearch);
    flags.put("prefix", prefix);
    flags.put("concurrency", concurrency);
    flags.put("ack-wait", ackWait);
    flags.put("sweep-lease", sweepLease);
    flags.put("chain", chain);
    flags.put("replicas", replicas);
    flags.put("nats-replicas", natsReplicas);
    return new BackendSettings(name -> value(name, flags.get(name)), env);
  }

  private <T> T checked(Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private String value(String name, String flag) {
    if (flag != null) {
      return flag;
    }
    String fromEnv = env.apply(BackendSettings.envName(name));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return file().setting(name);
  }

  /** The config file's path, from --config or MERCURY_CONFIG; null when neither names one. */
  Path configPath() {
    return ConfigFile.locate(config, env);
  }

  /** The config file, read once; a file Mercury cannot use stops the command with the reason. */
  ConfigFile file() {
    if (file == null) {
      try {
        file = ConfigFile.load(configPath());
      } catch (IOException | IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return file;
  }
}
