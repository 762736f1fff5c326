package dev.mercury.language.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.ResultPath;
import dev.mercury.language.model.StateFields.DataPath;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;
import java.util.List;

/** JSONPath input and output processing: InputPath, OutputPath and ResultPath. */
public final class DataProcessing {
  private DataProcessing() {}

  /** Applies an InputPath or OutputPath to {@code value}. */
  public static JsonNode select(DataPath path, JsonNode value, EvaluationContext context) {
    if (path.discard()) {
      return Json.object();
    }
    if (path.path() == null) {
      return value;
    }
    try {
      return path.path().read(context.withInput(value));
    } catch (PathFailure e) {
      throw StatesError.runtime("Invalid path '" + path.path().text() + "' : " + e.getMessage());
    }
  }

  /**
   * Puts {@code result} into {@code input} where ResultPath says. Only the objects and arrays along
   * the path are copied; the rest is shared with the input, so values shared with earlier states
   * never change.
   */
  public static JsonNode applyResultPath(ResultPath path, JsonNode input, JsonNode result) {
    if (path.discard()) {
      return input;
    }
    if (path.replaces()) {
      return result;
    }
    JsonNode copy = shallowCopy(input);
    JsonNode parent = copy;
    List<Object> steps = path.steps();
    for (int i = 0; i < steps.size() - 1; i++) {
      parent = child(parent, steps.get(i), steps.get(i + 1), path, input);
    }
    set(parent, steps.get(steps.size() - 1), result, path, input);
    return copy;
  }

  /** An object or array with the same members, or any other value itself. */
  private static JsonNode shallowCopy(JsonNode value) {
    if (value instanceof ObjectNode object) {
      return Json.object().setAll(object);
    }
    if (value instanceof ArrayNode array) {
      return Json.NODES.arrayNode(array.size()).addAll(array);
    }
    return value;
  }

  /** The copy of the container {@code step} names in {@code parent}, put there in its place. */
  private static JsonNode child(
      JsonNode parent, Object step, Object nextStep, ResultPath path, JsonNode input) {
    if (step instanceof String name && parent instanceof ObjectNode object) {
      JsonNode existing = object.get(name);
      JsonNode copy =
          existing != null && (existing.isObject() || existing.isArray())
              ? shallowCopy(existing)
              : nextStep instanceof Integer ? Json.NODES.arrayNode() : Json.object();
      object.set(name, copy);
      return copy;
    }
    if (step instanceof Integer index
        && parent instanceof ArrayNode array
        && index < array.size()) {
      JsonNode copy = shallowCopy(array.get(index));
      array.set(index, copy);
      return copy;
    }
    throw matchFailure(path, input);
  }

  private static void set(
      JsonNode parent, Object step, JsonNode result, ResultPath path, JsonNode input) {
    if (step instanceof String name && parent instanceof ObjectNode object) {
      object.set(name, result);
    } else if (step instanceof Integer index
        && parent instanceof ArrayNode array
        && index < array.size()) {
      array.set(index, result);
    } else {
      throw matchFailure(path, input);
    }
  }

  private static StatesError matchFailure(ResultPath path, JsonNode input) {
    return new StatesError(
        ErrorName.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '" + path.text() + "' to input '" + Json.write(input) + "'");
  }
}
