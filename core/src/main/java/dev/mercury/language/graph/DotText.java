package dev.mercury.language.graph;

import dev.mercury.language.graph.Flowchart.Arrow;
import dev.mercury.language.graph.Flowchart.Box;
import dev.mercury.language.graph.Flowchart.Chart;

/**
 * A flowchart in Graphviz's DOT language ({@code dot -Tsvg}). Nested charts are clusters joined to
 * their state by dotted arrows.
 */
public final class DotText {
  private final StringBuilder out =
      new StringBuilder(
          "digraph workflow {\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
              + "  edge [fontname=\"Helvetica\", fontsize=10];\n");

  private DotText() {}

  public static String of(Chart chart) {
    DotText text = new DotText();
    text.out.append("  start [shape=circle, label=\"Start\"];\n");
    text.out.append("  finish [shape=doublecircle, label=\"End\"];\n");
    text.chart(chart, "  ");
    text.out.append("  start -> ").append(chart.start()).append(";\n}\n");
    return text.out.toString();
  }

  private void chart(Chart chart, String indent) {
    for (Box box : chart.boxes()) {
      out.append(indent)
          .append(box.id())
          .append(" [label=")
          .append(quoted(box.name() + "\n" + box.type()))
          .append(box.type().equals("Choice") ? ", shape=diamond" : "")
          .append(box.type().equals("Fail") ? ", color=red" : "")
          .append("];\n");
    }
    for (Arrow arrow : chart.arrows()) {
      out.append(indent).append(arrow.from()).append(" -> ").append(arrow.to());
      switch (arrow.kind()) {
        case NEXT -> out.append(";\n");
        case CATCH ->
            out.append(" [style=dashed, label=")
                .append(quoted("Catch " + arrow.label()))
                .append("];\n");
        default -> out.append(" [label=").append(quoted(arrow.label())).append("];\n");
      }
    }
    for (Box box : chart.boxes()) {
      if (box.end() && chart.title().isEmpty()) {
        out.append(indent).append(box.id()).append(" -> finish;\n");
      }
      for (int i = 0; i < box.nested().size(); i++) {
        Chart nested = box.nested().get(i);
        out.append(indent)
            .append("subgraph cluster_")
            .append(box.id())
            .append('_')
            .append(i)
            .append(" {\n")
            .append(indent)
            .append("  label=")
            .append(quoted(box.name() + ": " + nested.title()))
            .append(";\n");
        chart(nested, indent + "  ");
        out.append(indent).append("}\n");
        out.append(indent)
            .append(box.id())
            .append(" -> ")
            .append(nested.start())
            .append(" [style=dotted];\n");
      }
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
