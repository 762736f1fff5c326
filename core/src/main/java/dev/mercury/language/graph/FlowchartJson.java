package dev.mercury.language.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.graph.Flowchart.Arrow;
import dev.mercury.language.graph.Flowchart.Box;
import dev.mercury.language.graph.Flowchart.Chart;
import java.util.Locale;

/** A flowchart as JSON, for the web console to lay out and draw. */
public final class FlowchartJson {
  private FlowchartJson() {}

  public static ObjectNode of(Chart chart) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("title", chart.title());
    json.put("start", chart.start());
    ArrayNode boxes = json.putArray("boxes");
    for (Box box : chart.boxes()) {
      ObjectNode b = boxes.addObject();
      b.put("id", box.id());
      b.put("name", box.name());
      b.put("type", box.type());
      b.put("end", box.end());
      ArrayNode nested = b.putArray("nested");
      box.nested().forEach(n -> nested.add(of(n)));
    }
    ArrayNode arrows = json.putArray("arrows");
    for (Arrow arrow : chart.arrows()) {
      arrows
          .addObject()
          .put("from", arrow.from())
          .put("to", arrow.to())
          .put("kind", arrow.kind().name().toLowerCase(Locale.ROOT))
          .put("label", arrow.label());
    }
    return json;
  }
}
