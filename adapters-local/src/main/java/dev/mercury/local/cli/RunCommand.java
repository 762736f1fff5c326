package dev.mercury.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.engine.Engine;
import dev.mercury.engine.VirtualClock;
import dev.mercury.invoke.Router;
import dev.mercury.invoke.mock.MockConfiguration;
import dev.mercury.invoke.mock.MockInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionException;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.store.memory.MemoryCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mercury run}: one execution, start to end, in this process. */
@Command(
    name = "run",
    description = "Runs a workflow to its end and shows what happened.",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The state machine definition.")
  Path file;

  @Option(names = "--input", paramLabel = "JSON", description = "The execution input (default {}).")
  String input;

  @Option(names = "--input-file", paramLabel = "FILE", description = "Read the input from a file.")
  Path inputFile;

  @Option(
      names = "--mock-config",
      paramLabel = "FILE",
      description = "A Step Functions Local mock configuration that answers Task states.")
  Path mockConfig;

  @Option(names = "--test-case", paramLabel = "NAME", description = "The mock test case to use.")
  String testCase;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A config file whose \"connections\" say where Task functions live (default: the file"
              + " named by MERCURY_CONFIG). Mocks from --mock-config still answer their states.")
  Path config;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The state machine's name (default: the file name without .asl.json).")
  String name;

  @Option(
      names = "--virtual-time",
      description =
          "Take no real time for Wait states and retry delays; the history shows the times they"
              + " would have had.")
  boolean virtualTime;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (for people) or json (one JSON object on the last line).")
  OutputFormat format;

  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    DefinitionFile definition;
    try {
      definition = DefinitionFile.read(file);
    } catch (IllegalArgumentException e) {
      err.println("mercury run: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    if (!definition.isValid()) {
      definition.printDiagnostics(err);
      err.println("mercury run: the definition is invalid; nothing was run.");
      return Mercury.EXIT_INVALID;
    }
    String machineName = name != null ? name : definition.machineName();
    String inputJson;
    Router router;
    MockConfiguration mocks;
    StateMachine machine;
    try {
      inputJson = inputJson();
      machine = definition.parse();
      mocks = mocks(machineName, machine);
      router = Router.create(ConfigFile.read(ConfigFile.locate(config)));
    } catch (IllegalArgumentException | DefinitionException e) {
      err.println("mercury run: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    try (router) {
      warnUnknownResources(router, machine, mocks, err);
      Invoker invoker = mocks == null ? router : new MockInvoker(mocks, router);
      return execute(machine, machineName, inputJson, invoker);
    }
  }

  /**
   * Says before the run which Task states nothing can call. The run goes on: such a Task fails with
   * Mercury.NoInvoker or Mercury.NoConnection, which the workflow may catch.
   */
  private static void warnUnknownResources(
      Router router, StateMachine machine, MockConfiguration mocks, PrintWriter err) {
    List<String> problems =
        router.unknownResources(machine.definition(), state -> mocks != null && mocks.mocks(state));
    for (String problem : problems) {
      err.println("mercury run: warning: " + problem);
    }
    err.flush();
  }

  private int execute(StateMachine machine, String machineName, String inputJson, Invoker invoker)
      throws InterruptedException {
    MemoryCheckpointStore store = new MemoryCheckpointStore();
    Clock clock = virtualTime ? new VirtualClock(System.currentTimeMillis()) : Clock.SYSTEM;
    Engine engine = new Engine(store, invoker, clock);
    Checkpoint started =
        engine.start(
            machine, Arns.stateMachine(machineName), UUID.randomUUID().toString(), inputJson);
    Checkpoint ended = engine.runToEnd(started.executionArn);
    PrintWriter out = spec.commandLine().getOut();
    var history = store.history(ended.executionArn);
    if (format == OutputFormat.json) {
      out.println(Json.write(ExecutionReport.json(ended, history)));
    } else {
      new TextReport(out).print(ended, history);
    }
    out.flush();
    return ended.status == dev.mercury.transition.ExecutionStatus.SUCCEEDED
        ? 0
        : Mercury.EXIT_FAILED;
  }

  private String inputJson() {
    if (input != null && inputFile != null) {
      throw new IllegalArgumentException("give --input or --input-file, not both");
    }
    String text =
        inputFile != null ? TextFiles.read(inputFile, "input") : input != null ? input : "{}";
    try {
      JsonNode parsed = Json.parse(TextFiles.withoutByteOrderMark(text));
      return Json.write(parsed);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " at " + at.getLineNr() + ":" + at.getColumnNr();
      throw new IllegalArgumentException(
          "the input"
              + (inputFile != null ? " in " + inputFile : "")
              + " is not valid JSON"
              + where
              + ": "
              + e.getOriginalMessage());
    }
  }

  /** The mock test case to answer Task states with, or null when there is none. */
  private MockConfiguration mocks(String machineName, StateMachine machine) {
    if (mockConfig == null) {
      if (testCase != null) {
        throw new IllegalArgumentException("--test-case needs --mock-config");
      }
      return null;
    }
    if (testCase == null) {
      throw new IllegalArgumentException("--mock-config needs --test-case");
    }
    JsonNode file;
    try {
      file =
          Json.parse(
              TextFiles.withoutByteOrderMark(TextFiles.read(mockConfig, "mock configuration")));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          mockConfig
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": the mock configuration is not valid JSON: "
              + e.getOriginalMessage());
    }
    try {
      MockConfiguration mocks = MockConfiguration.of(file, machineName, testCase);
      mocks.checkStates(machine);
      return mocks;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(mockConfig + ": " + e.getMessage());
    }
  }
}
