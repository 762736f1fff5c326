package dev.mercury.local.cli;

import dev.mercury.language.graph.DotText;
import dev.mercury.language.graph.Flowchart;
import dev.mercury.language.graph.FlowchartJson;
import dev.mercury.language.graph.MermaidText;
import dev.mercury.language.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mercury graph}: a definition as a flowchart, for documentation and review. */
@Command(
    name = "graph",
    description =
        "Prints a state machine as a flowchart: Mermaid (for Markdown), Graphviz DOT or JSON.",
    mixinStandardHelpOptions = true)
final class GraphCommand implements Callable<Integer> {
  enum Format {
    mermaid,
    dot,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The definition to draw.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "mermaid",
      description = "mermaid (default), dot or json.")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DefinitionFile definition;
    try {
      definition = DefinitionFile.read(file);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("mercury graph: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    if (!definition.isValid()) {
      definition.printDiagnostics(spec.commandLine().getErr());
      return Mercury.EXIT_INVALID;
    }
    Flowchart.Chart chart = Flowchart.of(definition.parse());
    out.print(
        switch (format) {
          case mermaid -> MermaidText.of(chart);
          case dot -> DotText.of(chart);
          case json -> Json.write(FlowchartJson.of(chart)) + "\n";
        });
    out.flush();
    return 0;
  }
}
