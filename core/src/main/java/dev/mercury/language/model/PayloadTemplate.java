package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.intrinsic.IntrinsicFunction;
import dev.mercury.language.json.Json;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.JsonPath;
import dev.mercury.language.path.PathFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, ItemSelector): JSON in which each key ending in
 * {@code .$} takes its value from a path or an intrinsic function. Compiled once when the
 * definition is parsed, so that running it only walks the prepared tree.
 */
public final class PayloadTemplate {
  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /** Compiles a template; throws {@link IllegalArgumentException} naming the bad field. */
  public static PayloadTemplate compile(JsonNode template) {
    return new PayloadTemplate(compileNode(template));
  }

  /** Builds the payload for the given input, context and variables. */
  public JsonNode evaluate(EvaluationContext context) {
    return root.evaluate(context);
  }

  private sealed interface Node {
    JsonNode evaluate(EvaluationContext context);
  }

  private record Literal(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      return value.deepCopy();
    }
  }

  private record PathValue(String field, JsonPath path) implements Node {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      try {
        return path.read(context);
      } catch (PathFailure e) {
        throw StatesError.runtime(
            "The JSONPath '"
                + path.text()
                + "' specified for the field '"
                + field
                + "' could not be found in the input '"
                + Json.write(context.input())
                + "'");
      }
    }
  }

  private record Call(IntrinsicFunction function) implements Node {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      try {
        return function.evaluate(context);
      } catch (PathFailure e) {
        throw StatesError.runtime(
            "The intrinsic function '"
                + function.text()
                + "' refers to a path that selects"
                + " nothing: "
                + e.getMessage());
      }
    }
  }

  private record ObjectTemplate(List<Map.Entry<String, Node>> fields) implements Node {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      ObjectNode result = Json.object();
      for (Map.Entry<String, Node> field : fields) {
        result.set(field.getKey(), field.getValue().evaluate(context));
      }
      return result;
    }
  }

  private record ArrayTemplate(List<Node> elements) implements Node {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      ArrayNode result = Json.NODES.arrayNode(elements.size());
      for (Node element : elements) {
        result.add(element.evaluate(context));
      }
      return result;
    }
  }

  private static Node compileNode(JsonNode template) {
    if (template.isObject()) {
      List<Map.Entry<String, Node>> fields = new ArrayList<>();
      template.properties().forEach(e -> fields.add(compileField(e.getKey(), e.getValue())));
      return new ObjectTemplate(List.copyOf(fields));
    }
    if (template.isArray()) {
      List<Node> elements = new ArrayList<>();
      template.forEach(e -> elements.add(compileNode(e)));
      return new ArrayTemplate(List.copyOf(elements));
    }
    return new Literal(template);
  }

  private static Map.Entry<String, Node> compileField(String key, JsonNode value) {
    if (!key.endsWith(".$")) {
      return Map.entry(key, compileNode(value));
    }
    String name = key.substring(0, key.length() - 2);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "the value of '" + key + "' must be a string holding a path or an intrinsic function");
    }
    String text = value.textValue();
    if (IntrinsicFunction.isCall(text)) {
      return Map.entry(name, new Call(IntrinsicFunction.parse(text)));
    }
    return Map.entry(name, new PathValue(key, JsonPath.parse(text)));
  }
}
