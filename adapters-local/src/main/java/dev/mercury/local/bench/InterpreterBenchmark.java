package dev.mercury.local.bench;

import dev.mercury.engine.Engine;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.memory.MemoryCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the interpreter: runs each workload (an ASL definition and its input) in this thread,
 * first to warm up, then for a fixed time split into rounds, and reports state transitions per
 * second and bytes allocated per transition.
 *
 * <p>A state transition is a state entered: a history event whose type ends in {@code
 * StateEntered}. The count per execution is taken from the history of a first, checked run; the
 * workloads are deterministic, and every timed run is checked to take as many engine transitions as
 * that first run did. Each execution gets a fresh in-memory store and engine, as {@code mercury
 * run} does, so the timed work is the whole execution: parsing its input, every transition with its
 * history events, and the result.
 *
 * <p>Allocation is what {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} reports for
 * this thread over the timed rounds, which is everything the engine allocates: it runs the
 * execution in the calling thread.
 *
 * <p>Beside the wall-clock rate it reports states entered per second of the process's CPU time
 * (every thread: the benchmark's, the JIT compiler's and the garbage collector's), which a busy
 * machine disturbs less than the wall-clock rate.
 *
 * <p>Usage: {@code InterpreterBenchmark [--warmup SECONDS] [--measure SECONDS] [--rounds N] [--tsv
 * FILE] [--outputs DIRECTORY] WORKLOAD.asl.json|DIRECTORY...}; the input of {@code NAME.asl.json}
 * is {@code NAME.input.json} beside it, or {@code {}}. With {@code --outputs}, the output of each
 * workload's checked run is written there as {@code NAME.output.json}, so that another
 * interpreter's output can be compared with it.
 */
public final class InterpreterBenchmark {
  private static final String SUFFIX = ".asl.json";

  private final double warmupSeconds;
  private final double measureSeconds;
  private final int rounds;
  private final Path outputs;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean system =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long executionNumber;

  InterpreterBenchmark(double warmupSeconds, double measureSeconds, int rounds, Path outputs) {
    this.warmupSeconds = warmupSeconds;
    this.measureSeconds = measureSeconds;
    this.rounds = rounds;
    this.outputs = outputs;
  }

  /** One workload: what it runs. */
  record Workload(String name, StateMachine machine, String stateMachineArn, String input) {}

  /** What the timed rounds of one workload measured. */
  record Measurement(
      String name,
      long statesPerExecution,
      long executions,
      double seconds,
      double[] roundRates,
      double bytesPerState,
      double cpuSeconds) {

    double cpuRate() {
      return executions * statesPerExecution / cpuSeconds;
    }

    double medianRate() {
      double[] sorted = roundRates.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double minRate() {
      return Arrays.stream(roundRates).min().orElse(0);
    }

    double maxRate() {
      return Arrays.stream(roundRates).max().orElse(0);
    }
  }

  public static void main(String[] args) throws Exception {
    double warmup = 5;
    double measure = 10;
    int rounds = 5;
    Path tsv = null;
    Path outputs = null;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--measure" -> measure = Double.parseDouble(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--tsv" -> tsv = Path.of(args[++i]);
        case "--outputs" -> outputs = Path.of(args[++i]);
        case "-h", "--help" -> {
          System.out.println(
              "usage: InterpreterBenchmark [--warmup SECONDS] [--measure SECONDS] [--rounds N]"
                  + " [--tsv FILE] [--outputs DIRECTORY] WORKLOAD.asl.json|DIRECTORY...");
          return;
        }
        default -> paths.add(Path.of(args[i]));
      }
    }
    if (paths.isEmpty() || rounds < 1) {
      System.err.println("InterpreterBenchmark: give workload files or directories (see --help)");
      System.exit(2);
    }
    List<Workload> workloads = load(paths);
    InterpreterBenchmark benchmark = new InterpreterBenchmark(warmup, measure, rounds, outputs);
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "Mercury interpreter benchmark: Java %s, %d processors, warm-up %.1f s, measured %.1f s"
            + " in %d rounds per workload%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        warmup,
        measure,
        rounds);
    List<Measurement> results = new ArrayList<>();
    for (Workload workload : workloads) {
      Measurement m = benchmark.measure(workload);
      results.add(m);
      out.printf(
          Locale.ROOT,
          "  %-18s %,12.0f states/s (rounds %,.0f..%,.0f)  %,10.0f states/CPU-s  %,8.0f B/state"
              + "  %,d executions%n",
          m.name(),
          m.medianRate(),
          m.minRate(),
          m.maxRate(),
          m.cpuRate(),
          m.bytesPerState(),
          m.executions());
    }
    printTable(out, results);
    if (tsv != null) {
      writeTsv(tsv, results);
    }
  }

  static List<Workload> load(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> listing = Files.list(path)) {
          listing
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    List<Workload> workloads = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String name =
          fileName.endsWith(SUFFIX)
              ? fileName.substring(0, fileName.length() - SUFFIX.length())
              : fileName;
      Path inputFile = file.resolveSibling(name + ".input.json");
      String input = Files.exists(inputFile) ? Files.readString(inputFile) : "{}";
      StateMachine machine = DefinitionParser.parse(Files.readString(file));
      workloads.add(new Workload(name, machine, Arns.stateMachine("bench-" + name), input));
    }
    return workloads;
  }

  Measurement measure(Workload workload) throws InterruptedException, IOException {
    long[] checked = checkedRun(workload);
    long statesPerExecution = checked[0];
    long transitionsPerExecution = checked[1];

    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    while (System.nanoTime() < warmupEnd) {
      run(workload, transitionsPerExecution);
    }

    long thread = Thread.currentThread().threadId();
    double[] rates = new double[rounds];
    long executions = 0;
    long nanos = 0;
    long roundNanos = (long) (measureSeconds * 1e9 / rounds);
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    long cpuBefore = system.getProcessCpuTime();
    for (int r = 0; r < rounds; r++) {
      long roundExecutions = 0;
      long start = System.nanoTime();
      long end = start + roundNanos;
      long now;
      do {
        run(workload, transitionsPerExecution);
        roundExecutions++;
        now = System.nanoTime();
      } while (now < end);
      long elapsed = now - start;
      rates[r] = roundExecutions * statesPerExecution / (elapsed / 1e9);
      executions += roundExecutions;
      nanos += elapsed;
    }
    long cpu = system.getProcessCpuTime() - cpuBefore;
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    return new Measurement(
        workload.name(),
        statesPerExecution,
        executions,
        nanos / 1e9,
        rates,
        (double) allocated / (executions * statesPerExecution),
        cpu / 1e9);
  }

  /**
   * Runs the workload once and checks it: it must succeed. Returns the states it entered (from its
   * history) and the engine's transitions.
   */
  private long[] checkedRun(Workload workload) throws InterruptedException, IOException {
    MemoryCheckpointStore store = new MemoryCheckpointStore();
    Engine engine = new Engine(store, new NoInvoker(), Clock.SYSTEM, Integer.MAX_VALUE);
    Checkpoint started =
        engine.start(workload.machine(), workload.stateMachineArn(), "checked", workload.input());
    Checkpoint ended = engine.runToEnd(started.executionArn);
    if (ended.status != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(
          workload.name()
              + " did not succeed: "
              + ended.status
              + " "
              + ended.error
              + ": "
              + ended.cause);
    }
    if (outputs != null) {
      Files.createDirectories(outputs);
      Files.writeString(
          outputs.resolve(workload.name() + ".output.json"), Json.write(ended.output) + "\n");
    }
    long entered = 0;
    for (HistoryEvent event : store.history(ended.executionArn)) {
      if (event.type().endsWith("StateEntered")) {
        entered++;
      }
    }
    return new long[] {entered, engine.transitions()};
  }

  /** One timed execution, on a fresh store and engine. */
  private void run(Workload workload, long expectedTransitions) throws InterruptedException {
    MemoryCheckpointStore store = new MemoryCheckpointStore();
    Engine engine = new Engine(store, new NoInvoker(), Clock.SYSTEM, Integer.MAX_VALUE);
    Checkpoint started =
        engine.start(
            workload.machine(),
            workload.stateMachineArn(),
            "run-" + executionNumber++,
            workload.input());
    Checkpoint ended = engine.runToEnd(started.executionArn);
    if (ended.status != ExecutionStatus.SUCCEEDED || engine.transitions() != expectedTransitions) {
      throw new IllegalStateException(
          workload.name()
              + " ran differently from its checked run: "
              + ended.status
              + " after "
              + engine.transitions()
              + " transitions, expected "
              + expectedTransitions);
    }
  }

  private static void printTable(PrintStream out, List<Measurement> results) {
    out.println();
    out.printf(
        "%-18s %12s %11s %12s %22s %14s %12s%n",
        "workload",
        "states/exec",
        "executions",
        "states/s",
        "round range",
        "states/CPU-s",
        "bytes/state");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "%-18s %,12d %,11d %,12.0f %,10.0f..%,-10.0f %,14.0f %,12.0f%n",
          m.name(),
          m.statesPerExecution(),
          m.executions(),
          m.medianRate(),
          m.minRate(),
          m.maxRate(),
          m.cpuRate(),
          m.bytesPerState());
    }
  }

  private static void writeTsv(Path file, List<Measurement> results) throws IOException {
    StringBuilder text =
        new StringBuilder(
            "workload\tstates_per_execution\texecutions\tseconds\tstates_per_second\tmin\tmax"
                + "\tbytes_per_state\tcpu_seconds\tstates_per_cpu_second\n");
    for (Measurement m : results) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s\t%d\t%d\t%.3f\t%.1f\t%.1f\t%.1f\t%.1f\t%.3f\t%.1f%n",
              m.name(),
              m.statesPerExecution(),
              m.executions(),
              m.seconds(),
              m.medianRate(),
              m.minRate(),
              m.maxRate(),
              m.bytesPerState(),
              m.cpuSeconds(),
              m.cpuRate()));
    }
    Files.writeString(file, text.toString());
  }
}
