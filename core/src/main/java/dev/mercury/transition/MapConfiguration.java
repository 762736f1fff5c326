package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.MapState;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;

/**
 * A Map state's settings as they evaluate for one run: the items (batched when an ItemBatcher is
 * set), the concurrency and the failures it tolerates (-1 when not set).
 */
record MapConfiguration(
    ArrayNode items,
    int maxConcurrency,
    int toleratedFailureCount,
    double toleratedFailurePercentage) {

  static MapConfiguration read(Turn turn, Flow flow, MapState map, JsonNode input) {
    EvaluationContext context = turn.context(flow, input);
    ArrayNode items = items(map, input, context);
    int concurrency = integer(map.maxConcurrency(), context, 0);
    int count = integer(map.toleratedFailureCount(), context, -1);
    if (map.toleratedFailureCount() != null && count < 0) {
      throw StatesError.runtime("ToleratedFailureCount cannot be negative.");
    }
    double percentage = decimal(map.toleratedFailurePercentage(), context);
    if (map.toleratedFailurePercentage() != null && (percentage < 0 || percentage > 100)) {
      throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (map.batcher() != null) {
      items = batch(map.batcher(), items, context);
    }
    return new MapConfiguration(items, concurrency, count, percentage);
  }

  private static ArrayNode items(MapState map, JsonNode input, EvaluationContext context) {
    JsonNode items = input;
    if (map.itemsPath() != null) {
      try {
        items = map.itemsPath().read(context);
      } catch (PathFailure e) {
        throw StatesError.runtime(
            "Invalid path '" + map.itemsPath().text() + "' : " + e.getMessage());
      }
    }
    if (!(items instanceof ArrayNode array)) {
      throw StatesError.runtime("Map state input must be an array but was: " + Json.write(items));
    }
    return array;
  }

  private static int integer(DynamicValue value, EvaluationContext context, int absent) {
    if (value == null) {
      return absent;
    }
    JsonNode found = resolve(value, context);
    if (!found.isIntegralNumber() && !(found.isNumber() && found.asDouble() % 1 == 0)) {
      throw StatesError.runtime(
          "The " + value.field() + "Path field refers to value " + quoted(found)
              + " which is not a valid integer: " + value.path().text());
    }
    return found.asInt();
  }

  private static double decimal(DynamicValue value, EvaluationContext context) {
    if (value == null) {
      return -1;
    }
    JsonNode found = resolve(value, context);
    if (!found.isNumber()) {
      throw StatesError.runtime(
          "The " + value.field() + "Path field refers to value " + quoted(found)
              + " which is not a valid float: " + value.path().text());
    }
    return found.asDouble();
  }

  private static JsonNode resolve(DynamicValue value, EvaluationContext context) {
    if (!value.isPath()) {
      return value.literal();
    }
    try {
      return value.path().read(context);
    } catch (PathFailure e) {
      throw StatesError.runtime("Invalid path '" + value.path().text() + "' : " + e.getMessage());
    }
  }

  private static String quoted(JsonNode value) {
    return "\"" + (value.isTextual() ? value.textValue() : Json.write(value)) + "\"";
  }

  private static ArrayNode batch(
      MapState.ItemBatcher batcher, ArrayNode items, EvaluationContext context) {
    int perBatch = integer(batcher.maxItemsPerBatch(), context, Integer.MAX_VALUE);
    ArrayNode batches = Json.NODES.arrayNode();
    ObjectNode current = null;
    for (JsonNode item : items) {
      if (current == null || current.get("Items").size() >= perBatch) {
        current = Json.object();
        current.putArray("Items");
        if (batcher.batchInput() != null) {
          current.set("BatchInput", batcher.batchInput());
        }
        batches.add(current);
      }
      ((ArrayNode) current.get("Items")).add(item);
    }
    return batches;
  }
}
