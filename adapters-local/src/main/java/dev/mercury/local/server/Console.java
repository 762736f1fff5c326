package dev.mercury.local.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.graph.Flowchart;
import dev.mercury.language.graph.FlowchartJson;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.language.validate.Diagnostic;
import dev.mercury.language.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The web console: a page that lists state machines and executions through the Step Functions API
 * and draws each workflow with its execution's progress. The page is static; the only thing it asks
 * of the server besides the API is a definition's flowchart, so that the console draws exactly what
 * {@code mercury graph} prints.
 */
final class Console {
  static final String FLOWCHART_PATH = "/console/flowchart";
  private static final String RESOURCES = "/dev/mercury/local/console/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  /** A response that is not the API's JSON. */
  record Page(int status, String contentType, byte[] body) {
    static Page text(int status, String text) {
      return new Page(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private Console() {}

  /** A file of the page, by request path: {@code /} is the page itself. */
  static Page file(String path) throws IOException {
    String name = path.equals("/") || path.equals("/console/") ? "index.html" : path.substring(9);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (!path.equals("/") && !path.startsWith("/console/")
        || !name.matches("[a-z-]+\\.[a-z]+")
        || !TYPES.containsKey(extension)) {
      return Page.text(404, "Not found: " + path);
    }
    try (InputStream in = Console.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        return Page.text(404, "Not found: " + path);
      }
      return new Page(200, TYPES.get(extension), in.readAllBytes());
    }
  }

  /** The flowchart of a definition, or its diagnostics when it is not valid. */
  static Page flowchart(byte[] definition) {
    String text = new String(definition, StandardCharsets.UTF_8);
    List<Diagnostic> diagnostics = Validator.validate(text);
    ObjectNode json;
    int status;
    if (diagnostics.isEmpty()) {
      json = FlowchartJson.of(Flowchart.of(DefinitionParser.parse(text)));
      status = 200;
    } else {
      json = Json.NODES.objectNode();
      var list = json.putArray("diagnostics");
      for (Diagnostic d : diagnostics) {
        list.addObject()
            .put("pointer", d.pointer())
            .put("line", d.line())
            .put("column", d.column())
            .put("message", d.message());
      }
      status = 400;
    }
    return new Page(status, "application/json", Json.write(json).getBytes(StandardCharsets.UTF_8));
  }
}
