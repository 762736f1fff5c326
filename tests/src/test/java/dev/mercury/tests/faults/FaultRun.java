package dev.mercury.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.engine.Engine;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.StuckExecutions;
import dev.mercury.tests.support.Workflows;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One fault test's executions and {@code mercury worker} processes, on NATS servers the test owns
 * and the run's Elasticsearch node, under a prefix of their own. The test breaks something; this
 * waits for the executions and checks that each ended with the right output and a history whose ids
 * run 1..n without gaps or repeats.
 */
final class FaultRun implements AutoCloseable {
  /** 100 by default; {@code -Pfaults-long} runs 1,000. */
  static final int EXECUTIONS = Integer.getInteger("mercury.faults.executions", 100);

  /**
   * How long a run may go without any execution ending: past every lease a broken part leaves
   * behind (the 3 s ack wait, the 30 s timer lease, the 20 s sweep lease and its period), with room
   * for a busy machine. A bound on a lost step, not on speed.
   */
  static final Duration STALL = Duration.ofSeconds(120);

  /** Something a test does between two looks at the executions. */
  @FunctionalInterface
  interface Round {
    void run() throws Exception;
  }

  private final Path logs;
  private final String natsUrls;
  private final int natsReplicas;
  private final String prefix = "faults" + UUID.randomUUID().toString().substring(0, 6);
  private final ElasticsearchCheckpointStore store;
  private final JetStreamBus bus;
  private final List<AutoCloseable> open = new ArrayList<>();
  final List<MercuryProcess> workers = new ArrayList<>();

  FaultRun(Path logs, String natsUrls, int natsReplicas) {
    this.logs = logs;
    this.natsUrls = natsUrls;
    this.natsReplicas = natsReplicas;
    NatsOptions natsOptions =
        NatsOptions.defaults(natsUrls)
            .withPrefix(prefix)
            .withAckWait(Duration.ofSeconds(3))
            .withReplicas(natsReplicas);
    store =
        ElasticsearchCheckpointStore.open(
            ElasticsearchNode.url(),
            ElasticsearchOptions.defaults().withPrefix(prefix + "-").withReplicas(0));
    open.add(store);
    bus = JetStreamBus.connect(natsOptions, 16);
    open.add(bus);
    open.addAll(Workflows.serveFunctions(bus.connection(), natsOptions));
  }

  JetStreamBus bus() {
    return bus;
  }

  /** Starts {@code count} more workers. */
  void addWorkers(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      Path log = logs.resolve("worker-" + workers.size() + "-" + System.nanoTime() + ".log");
      Files.createFile(log);
      workers.add(
          MercuryProcess.start(
              log,
              "worker",
              "--nats",
              natsUrls,
              "--nats-replicas",
              String.valueOf(natsReplicas),
              "--elasticsearch",
              ElasticsearchNode.url(),
              "--prefix",
              prefix,
              "--replicas",
              "0",
              "--ack-wait",
              "3",
              "--sweep-lease",
              "20",
              "--concurrency",
              "32"));
    }
  }

  List<String> startExecutions() {
    Engine frontDoor = Engine.frontDoor(store, bus, Clock.SYSTEM);
    StateMachine machine = DefinitionParser.parse(Workflows.EVERYTHING);
    String machineArn = Arns.stateMachine("faults");
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      arns.add(frontDoor.start(machine, machineArn, "e" + i, Workflows.input(i)).executionArn);
    }
    return arns;
  }

  /** When the last of the executions ended. */
  long lastStop(List<String> arns) {
    return checkpoints(arns).stream().mapToLong(c -> c.stopMillis).max().orElse(0);
  }

  /** How many of the executions still run. */
  int running(List<String> arns) {
    return (int) checkpoints(arns).stream().filter(Checkpoint::isRunning).count();
  }

  /**
   * The executions' checkpoints in one multi-get: a look at a thousand executions one by one takes
   * long enough for batched workers to finish a run in between.
   */
  private List<Checkpoint> checkpoints(List<String> arns) {
    return List.copyOf(store.readAll(arns).values());
  }

  /**
   * Until the workers took, on the whole, about one transition per execution: early in the run
   * however fast this machine is, so that the fault strikes executions in full swing.
   */
  void awaitUnderWay(List<String> arns) throws Exception {
    long started = versions(arns);
    long deadline = System.nanoTime() + STALL.toNanos();
    while (versions(arns) - started < arns.size() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private long versions(List<String> arns) {
    return checkpoints(arns).stream().mapToLong(c -> c.version).sum();
  }

  /** Until no execution runs, or none ended for {@link #STALL}. */
  void awaitEnded(List<String> arns, Round round) throws Exception {
    int running = running(arns);
    long progressed = System.nanoTime();
    while (running > 0 && System.nanoTime() - progressed < STALL.toNanos()) {
      round.run();
      int now = running(arns);
      if (now < running) {
        progressed = System.nanoTime();
      }
      running = now;
    }
  }

  /** Every execution succeeded once, right; else what the stuck ones wait for. */
  void assertAllCompleted(List<String> arns) throws Exception {
    if (running(arns) > 0) {
      String stuck =
          new StuckExecutions(store, ElasticsearchNode.url(), prefix + "-", bus.connection())
              .describe(arns);
      assertThat(running(arns))
          .as(
              "executions still running, none ended for %s:%s%nworkers' logs begin:%n%s",
              STALL, stuck, workerLogs())
          .isZero();
    }
    for (int i = 0; i < arns.size(); i++) {
      Workflows.assertCompleted(store, arns.get(i), i);
    }
  }

  private String workerLogs() throws Exception {
    StringBuilder found = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path log : files.sorted().toList()) {
        found.append("-- ").append(log.getFileName()).append('\n');
        Files.readAllLines(log).stream()
            .filter(line -> !line.startsWith("WARNING:"))
            .limit(40)
            .forEach(line -> found.append(line).append('\n'));
      }
    }
    return found.toString();
  }

  @Override
  public void close() throws Exception {
    workers.forEach(MercuryProcess::close);
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }
}
