package dev.mercury.language.graph;

import dev.mercury.language.graph.Flowchart.Arrow;
import dev.mercury.language.graph.Flowchart.Box;
import dev.mercury.language.graph.Flowchart.Chart;

/**
 * A flowchart in Mermaid's syntax, which GitHub, GitLab and many editors draw from a fenced {@code
 * mermaid} block. Nested charts are subgraphs joined to their state by dotted arrows.
 */
public final class MermaidText {
  private final StringBuilder out = new StringBuilder("flowchart TD\n");

  private MermaidText() {}

  public static String of(Chart chart) {
    MermaidText text = new MermaidText();
    text.out.append("  start((\"Start\"))\n  finish((\"End\"))\n");
    text.chart(chart, "  ");
    text.out.append("  start --> ").append(chart.start()).append('\n');
    return text.out.toString();
  }

  private void chart(Chart chart, String indent) {
    for (Box box : chart.boxes()) {
      out.append(indent)
          .append(box.id())
          .append(shape(box.type(), label(box.name() + "<br/><i>" + box.type() + "</i>")))
          .append('\n');
    }
    for (Arrow arrow : chart.arrows()) {
      out.append(indent).append(arrow.from());
      switch (arrow.kind()) {
        case NEXT -> out.append(" --> ");
        case CATCH -> out.append(" -. ").append(label("Catch " + arrow.label())).append(" .-> ");
        default -> out.append(" -- ").append(label(arrow.label())).append(" --> ");
      }
      out.append(arrow.to()).append('\n');
    }
    for (Box box : chart.boxes()) {
      if (box.end() && chart.title().isEmpty()) {
        out.append(indent).append(box.id()).append(" --> finish\n");
      }
      for (int i = 0; i < box.nested().size(); i++) {
        Chart nested = box.nested().get(i);
        String id = box.id() + "_" + i;
        out.append(indent)
            .append("subgraph ")
            .append(id)
            .append(" [")
            .append(label(box.name() + ": " + nested.title()))
            .append("]\n");
        chart(nested, indent + "  ");
        out.append(indent).append("end\n");
        out.append(indent).append(box.id()).append(" -.-> ").append(nested.start()).append('\n');
      }
    }
  }

  private static String shape(String type, String label) {
    return switch (type) {
      case "Choice" -> "{" + label + "}";
      case "Succeed", "Fail" -> "([" + label + "])";
      case "Parallel", "Map" -> "[[" + label + "]]";
      default -> "[" + label + "]";
    };
  }

  /** A quoted label; Mermaid takes entity codes for the characters that would end it. */
  private static String label(String text) {
    return "\"" + text.replace("\"", "#quot;").replace("\n", " ") + "\"";
  }
}
