package dev.mercury.tests.bench;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.engine.Engine;
import dev.mercury.engine.Worker;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.store.sqlite.SqliteCheckpointStore;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.NatsServer;
import dev.mercury.tests.support.Processes;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints how fast Mercury takes transitions and what waiting executions cost: transitions per
 * second and p50/p99 latency of one transition (read, apply, commit, send) for one engine on the
 * embedded store and one worker on NATS + Elasticsearch; throughput with 1, 2 and 4 worker
 * processes; the heap, after a full GC, of an engine and of a worker while executions wait.
 *
 * <p>Run after {@code mvn verify} (which unpacks Elasticsearch and writes the classpath):
 *
 * <pre>
 * java -cp tests/target/test-classes:$(cat tests/target/worker-classpath.txt) \
 *   -Dmercury.elasticsearch.home=tests/target/elasticsearch/elasticsearch-8.19.21 \
 *   -Dmercury.worker.classpath=tests/target/worker-classpath.txt dev.mercury.tests.bench.Benchmark
 * </pre>
 *
 * It starts its own nats-server and Elasticsearch node on loopback and stops them at the end.
 * {@code -Dbench.executions} (default 1000) and {@code -Dbench.waiting} (default 100000) size it;
 * {@code -Dbench.only=embedded,worker,processes1,processes2,processes4,waiting} picks parts. The
 * embedded figures are of a second run in the same JVM, after one that warms it up.
 */
public final class Benchmark {
  private static final String PASSES = passChain(10);
  private static final String WAIT_LONG =
      """
      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 86400, "End": true}}}""";
  private static final int EXECUTIONS = Integer.getInteger("bench.executions", 1000);
  private static final int CLIENTS = 8;
  private static final int WAITING = Integer.getInteger("bench.waiting", 100_000);
  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("mercury-bench-");
    if (part("embedded")) {
      embedded(work);
      embeddedWaiting(work);
    }
    if (!part("worker")
        && !part("processes1")
        && !part("processes2")
        && !part("processes4")
        && !part("waiting")) {
      Processes.deleteTree(work);
      System.exit(0);
    }
    String elasticsearch = ElasticsearchNode.startOrFail();
    try (NatsServer nats = NatsServer.start()) {
      if (part("worker")) {
        // Unreported: a cold JVM spends its first seconds compiling.
        oneWorker(nats, elasticsearch, Worker.Settings.defaults(), null);
        oneWorker(nats, elasticsearch, Worker.Settings.defaults(), "");
        oneWorker(
            nats,
            elasticsearch,
            Worker.Settings.defaults().withChain(0),
            ", every step through NATS");
      }
      for (int processes : new int[] {1, 2, 4}) {
        if (part("processes" + processes)) {
          workerProcesses(nats, elasticsearch, processes, work);
        }
      }
      if (part("waiting")) {
        workerWaiting(nats, elasticsearch, work);
      }
    } finally {
      Processes.deleteTree(work);
    }
    System.exit(0);
  }

  /** Whether to run a part: all by default, or those named in {@code -Dbench.only=a,b}. */
  private static boolean part(String name) {
    String only = System.getProperty("bench.only");
    return only == null || List.of(only.split(",")).contains(name);
  }

  // ---- the embedded store

  /**
   * The same run twice, the first unreported: a cold JVM spends its first seconds compiling, and on
   * a shared machine that alone can halve the figure.
   */
  private static void embedded(Path work) throws Exception {
    embedded(work.resolve("warm-up.db"), false);
    embedded(work.resolve("bench.db"), true);
  }

  private static void embedded(Path file, boolean report) throws Exception {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      List<Long> latencies = new ArrayList<>();
      Engine engine =
          new Engine(store, new NoInvoker(), Clock.SYSTEM)
              .listener((message, nanos) -> latencies.add(nanos));
      StateMachine machine = DefinitionParser.parse(PASSES);
      List<String> arns = new ArrayList<>();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      for (int i = 0; i < EXECUTIONS; i++) {
        arns.add(engine.start(machine, Arns.stateMachine("bench"), "e" + i, "{}").executionArn);
      }
      for (String arn : arns) {
        engine.runToEnd(arn);
      }
      if (report) {
        report("embedded SQLite, 1 engine thread", engine.transitions(), started, latencies);
        // The machine may be shared: CPU time per transition is steadier than wall time.
        System.out.printf(
            "embedded SQLite: %.1f µs of the engine thread's CPU per transition%n",
            (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / engine.transitions());
      }
    }
  }

  private static void embeddedWaiting(Path work) throws Exception {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(work.resolve("waiting.db"))) {
      Engine engine = new Engine(store, new NoInvoker(), Clock.SYSTEM);
      StateMachine machine = DefinitionParser.parse(WAIT_LONG);
      long before = heapAfterGc();
      long started = System.nanoTime();
      for (int i = 0; i < WAITING; i++) {
        engine.start(machine, Arns.stateMachine("waiting"), "w" + i, "{}");
      }
      engine.runUntil(new Quiet(engine));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "embedded SQLite: %,d executions waiting (started in %.0f s); heap after GC %.1f MiB (%.1f MiB before)%n",
          WAITING, seconds, heapAfterGc() / 1048576.0, before / 1048576.0);
    }
  }

  // ---- NATS + Elasticsearch

  /**
   * One worker in this JVM; {@code how} describes its settings in the report, or is null for a run
   * that only warms the JVM up.
   */
  private static void oneWorker(
      NatsServer nats, String elasticsearch, Worker.Settings settings, String how)
      throws Exception {
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
    NatsOptions natsOptions = NatsOptions.defaults(nats.url()).withPrefix(prefix);
    ElasticsearchOptions esOptions = esOptions(prefix);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    try (ElasticsearchCheckpointStore store =
            ElasticsearchCheckpointStore.open(elasticsearch, esOptions);
        JetStreamBus bus = JetStreamBus.connect(natsOptions, 64);
        Worker worker =
            new Worker(store, bus, new NoInvoker(), Clock.SYSTEM, settings)
                .listener((message, nanos) -> latencies.add(nanos))
                .start()) {
      long started = System.nanoTime();
      List<String> arns = startAll(store, bus, PASSES, how == null ? EXECUTIONS / 2 : EXECUTIONS);
      awaitEnded(store, arns);
      if (how == null) {
        return;
      }
      report(
          "NATS + Elasticsearch, 1 worker in process (64 at once" + how + ")",
          worker.transitions(),
          started,
          latencies);
    }
  }

  private static void workerProcesses(NatsServer nats, String elasticsearch, int count, Path work)
      throws Exception {
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
    NatsOptions natsOptions = NatsOptions.defaults(nats.url()).withPrefix(prefix);
    List<MercuryProcess> workers = new ArrayList<>();
    try (ElasticsearchCheckpointStore store =
            ElasticsearchCheckpointStore.open(elasticsearch, esOptions(prefix));
        JetStreamBus bus = JetStreamBus.connect(natsOptions, 8)) {
      for (int i = 0; i < count; i++) {
        workers.add(startWorker(work, nats, elasticsearch, prefix, i));
      }
      Thread.sleep(3_000);
      long started = System.nanoTime();
      List<String> arns = startAll(store, bus, PASSES, EXECUTIONS);
      awaitEnded(store, arns);
      long transitions = 0;
      for (String arn : arns) {
        transitions += store.read(arn).version;
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "NATS + Elasticsearch, %d worker process%s: %,.0f transitions/s (%,d in %.1f s)%n",
          count, count == 1 ? "" : "es", transitions / seconds, transitions, seconds);
    } finally {
      workers.forEach(MercuryProcess::close);
    }
  }

  private static void workerWaiting(NatsServer nats, String elasticsearch, Path work)
      throws Exception {
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
    NatsOptions natsOptions = NatsOptions.defaults(nats.url()).withPrefix(prefix);
    int waiting = Integer.getInteger("bench.waitingDistributed", 20_000);
    MercuryProcess worker = startWorker(work, nats, elasticsearch, prefix, 0);
    try (ElasticsearchCheckpointStore store =
            ElasticsearchCheckpointStore.open(elasticsearch, esOptions(prefix));
        JetStreamBus bus = JetStreamBus.connect(natsOptions, 8)) {
      Thread.sleep(3_000);
      long started = System.nanoTime();
      List<String> arns = startAll(store, bus, WAIT_LONG, waiting);
      for (String arn : arns) {
        while (!waiting(store.read(arn))) {
          Thread.sleep(50);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "NATS + Elasticsearch: %,d executions waiting (started in %.0f s); worker process heap after GC %s%n",
          waiting, seconds, heapOf(worker.pid()));
    } finally {
      worker.close();
    }
  }

  private static boolean waiting(Checkpoint checkpoint) {
    return checkpoint.flows.values().stream()
        .anyMatch(flow -> flow.phase == dev.mercury.transition.Flow.Phase.AWAITING_TIMER);
  }

  /** True once the engine has taken no transition for a second. */
  private static final class Quiet implements java.util.function.BooleanSupplier {
    private final Engine engine;
    private long seen = -1;
    private long since = System.nanoTime();

    Quiet(Engine engine) {
      this.engine = engine;
    }

    @Override
    public boolean getAsBoolean() {
      if (engine.transitions() != seen) {
        seen = engine.transitions();
        since = System.nanoTime();
      }
      return System.nanoTime() - since > 1_000_000_000L;
    }
  }

  private static MercuryProcess startWorker(
      Path work, NatsServer nats, String elasticsearch, String prefix, int i) throws Exception {
    Path log = work.resolve(prefix + "-" + i + ".log");
    Files.createFile(log);
    return MercuryProcess.start(
        log,
        "worker",
        "--nats",
        nats.url(),
        "--elasticsearch",
        elasticsearch,
        "--prefix",
        prefix,
        "--replicas",
        "0",
        "--concurrency",
        "64");
  }

  private static ElasticsearchOptions esOptions(String prefix) {
    return ElasticsearchOptions.defaults().withPrefix(prefix + "-").withReplicas(0);
  }

  /**
   * Starts {@code count} executions from {@link #CLIENTS} threads at once, as that many API clients
   * would: one after another, the creates alone would bound what the workers can be given.
   */
  private static List<String> startAll(
      CheckpointStore store, JetStreamBus bus, String definition, int count) throws Exception {
    Engine frontDoor = Engine.frontDoor(store, bus, Clock.SYSTEM);
    StateMachine machine = DefinitionParser.parse(definition);
    long started = System.nanoTime();
    List<Future<String>> arns = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      for (int i = 0; i < count; i++) {
        String name = "e" + i;
        arns.add(
            clients.submit(
                () ->
                    frontDoor.start(machine, Arns.stateMachine("bench"), name, "{}").executionArn));
      }
    }
    List<String> done = new ArrayList<>();
    for (Future<String> arn : arns) {
      done.add(arn.get());
    }
    System.out.printf(
        "  (%,d executions started by %d clients in %.1f s)%n",
        count, CLIENTS, (System.nanoTime() - started) / 1e9);
    return done;
  }

  private static void awaitEnded(CheckpointStore store, List<String> arns)
      throws InterruptedException {
    for (String arn : arns) {
      while (store.read(arn).isRunning()) {
        Thread.sleep(20);
      }
    }
  }

  // ---- figures

  private static void report(
      String what, long transitions, long startedNanos, java.util.Collection<Long> latencies) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%s: %,.0f transitions/s (%,d in %.1f s); latency p50 %.2f ms, p99 %.2f ms%n",
        what,
        transitions / seconds,
        transitions,
        seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99));
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The used heap of another JVM after a full GC, from {@code jcmd}. */
  private static String heapOf(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
        .redirectErrorStream(true)
        .start()
        .waitFor();
    Process info =
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    String out = new String(info.getInputStream().readAllBytes());
    info.waitFor();
    // Serial GC reports each generation's use; the heap's use is their sum.
    java.util.regex.Matcher used =
        java.util.regex.Pattern.compile(
                "(?:DefNew|Tenured|generation)\\s+total \\d+K, used (\\d+)K")
            .matcher(out);
    long kib = 0;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
    }
    return kib > 0 ? "%.1f MiB".formatted(kib / 1024.0) : out.trim();
  }

  private static String passChain(int length) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < length; i++) {
      states.append(i == 0 ? "" : ", ").append("\"P").append(i).append("\": {\"Type\": \"Pass\", ");
      states.append(i == length - 1 ? "\"End\": true}" : "\"Next\": \"P" + (i + 1) + "\"}");
    }
    return "{\"StartAt\": \"P0\", \"States\": {" + states + "}}";
  }
}
