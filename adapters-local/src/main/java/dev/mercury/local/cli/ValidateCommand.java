package dev.mercury.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.validate.Diagnostic;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
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
      allValid &= definition.isValid();
      if (format == RunCommand.OutputFormat.json) {
        report.add(json(definition));
      } else if (definition.isValid()) {
        out.println(file + ": valid");
      } else {
        definition.printDiagnostics(out);
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
