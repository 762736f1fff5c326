package dev.mercury.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.language.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mercury validate}: checks definitions without running them. */
@Command(
    name = "validate",
    description = "Checks state machine definitions and reports every problem with its place.",
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definitions to check.")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (file:line:column: message) or json.")
  RunCommand.OutputFormat format;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Also check that a connection or invoker answers every Task's resource, with the"
              + " connections of this config file (default: the file named by MERCURY_CONFIG).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Router router;
    try {
      Path located = ConfigFile.locate(config);
      router = located == null ? null : Router.create(ConfigFile.read(located));
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("mercury validate: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    try {
      return validate(out, router);
    } finally {
      if (router != null) {
        router.close();
      }
    }
  }

  private int validate(PrintWriter out, Router router) {
    boolean allValid = true;
    ArrayNode report = Json.NODES.arrayNode();
    for (Path file : files) {
      DefinitionFile definition;
      try {
        definition = DefinitionFile.read(file);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("mercury validate: " + e.getMessage());
        if (format == RunCommand.OutputFormat.json) {
          report.add(unreadable(file, e.getMessage()));
        }
        allValid = false;
        continue;
      }
      List<String> unknown = unknownResources(definition, router);
      allValid &= definition.isValid() && unknown.isEmpty();
      if (format == RunCommand.OutputFormat.json) {
        ObjectNode entry = json(definition);
        unknown.forEach(entry.putArray("unknownResources")::add);
        report.add(entry);
      } else if (definition.isValid() && unknown.isEmpty()) {
        out.println(file + ": valid");
      } else {
        definition.printDiagnostics(out);
        unknown.forEach(problem -> out.println(file + ": " + problem));
      }
    }
    if (format == RunCommand.OutputFormat.json) {
      out.println(Json.write(report));
    }
    out.flush();
    return allValid ? 0 : Mercury.EXIT_INVALID;
  }

  private static ObjectNode unreadable(Path file, String problem) {
    ObjectNode entry = Json.object();
    entry.put("file", file.toString());
    entry.put("valid", false);
    entry.put("error", problem);
    entry.putArray("diagnostics");
    return entry;
  }

  /** What the config's connections cannot call; nothing without a config or a valid definition. */
  private static List<String> unknownResources(DefinitionFile definition, Router router) {
    if (router == null || !definition.isValid()) {
      return List.of();
    }
    return router.unknownResources(definition.parse().definition(), state -> false);
  }

  private static ObjectNode json(DefinitionFile definition) {
    ObjectNode file = Json.object();
    file.put("file", definition.path().toString());
    file.put("valid", definition.isValid());
    ArrayNode problems = file.putArray("diagnostics");
    for (Diagnostic d : definition.diagnostics()) {
      ObjectNode problem = problems.addObject();
      problem.put("pointer", d.pointer());
      problem.put("line", d.line());
      problem.put("column", d.column());
      problem.put("code", d.code());
      problem.put("message", d.message());
    }
    return file;
  }
}
