package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.QueryLanguage;
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
    ArrayNode items = items(turn, flow, map, input);
    int concurrency = integer(turn, flow, map.maxConcurrency(), input, 0);
    int count = integer(turn, flow, map.toleratedFailureCount(), input, -1);
    if (map.toleratedFailureCount() != null && count < 0) {
      throw turn.invalid(
          map.toleratedFailureCount(),
          Json.NODES.numberNode(count),
          "non-negative integer",
          "ToleratedFailureCount cannot be negative.");
    }
    double percentage = decimal(turn, flow, map.toleratedFailurePercentage(), input);
    if (map.toleratedFailurePercentage() != null && (percentage < 0 || percentage > 100)) {
      throw turn.invalid(
          map.toleratedFailurePercentage(),
          Json.NODES.numberNode(percentage),
          "number from 0 to 100",
          "ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (map.batcher() != null) {
      items = batch(turn, flow, map, items, input);
    }
    return new MapConfiguration(items, concurrency, count, percentage);
  }

  private static ArrayNode items(Turn turn, Flow flow, MapState map, JsonNode input) {
    if (map.items() != null) {
      return jsonataItems(turn, flow, map.items());
    }
    JsonNode items = input;
    if (map.itemsPath() != null) {
      try {
        items = map.itemsPath().read(turn.context(flow, input));
      } catch (PathFailure e) {
        throw StatesError.runtime(
            "Invalid path '" + map.itemsPath().text() + "' : " + e.getMessage());
      }
    }
    if (!(items instanceof ArrayNode array)) {
      // AWS reports the same fault under the state's query language's error name.
      String error =
          map.queryLanguage() == QueryLanguage.JSONATA
              ? ErrorName.QUERY_EVALUATION_ERROR
              : ErrorName.RUNTIME;
      throw new StatesError(
          error, "Map state input must be an array but was: " + Json.write(items));
    }
    return array;
  }

  private static ArrayNode jsonataItems(Turn turn, Flow flow, JsonNode template) {
    JsonNode items =
        JsonataEvaluator.evaluate(template, "Items", turn.binding(flow, flow.stateInput));
    if (items instanceof ArrayNode array) {
      return array;
    }
    throw JsonataEvaluator.failure(
        JsonataEvaluator.textOf(template),
        "Items",
        "returned an unexpected result type. Expected 'array', but was '"
            + Json.typeName(items)
            + "' for value: "
            + Json.write(items));
  }

  private static int integer(Turn turn, Flow flow, DynamicValue value, JsonNode input, int absent) {
    if (value == null) {
      return absent;
    }
    JsonNode found = numeric(turn.resolve(flow, value, input));
    if (!found.isIntegralNumber() && !(found.isNumber() && found.asDouble() % 1 == 0)) {
      throw turn.invalid(
          value,
          found,
          "integer",
          "The "
              + value.field()
              + "Path field refers to value "
              + quoted(found)
              + " which is not a valid integer: "
              + pathText(value));
    }
    return found.asInt();
  }

  private static double decimal(Turn turn, Flow flow, DynamicValue value, JsonNode input) {
    if (value == null) {
      return -1;
    }
    JsonNode found = numeric(turn.resolve(flow, value, input));
    if (!found.isNumber()) {
      throw turn.invalid(
          value,
          found,
          "number",
          "The "
              + value.field()
              + "Path field refers to value "
              + quoted(found)
              + " which is not a valid float: "
              + pathText(value));
    }
    return found.asDouble();
  }

  /** AWS also accepts a number written as a string, such as "1". */
  private static JsonNode numeric(JsonNode value) {
    if (value.isTextual()) {
      try {
        return Json.NODES.numberNode(new java.math.BigDecimal(value.textValue().strip()));
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static String pathText(DynamicValue value) {
    return value.isPath() ? value.path().text() : value.field();
  }

  private static String quoted(JsonNode value) {
    return "\"" + (value.isTextual() ? value.textValue() : Json.write(value)) + "\"";
  }

  private static ArrayNode batch(
      Turn turn, Flow flow, MapState map, ArrayNode items, JsonNode input) {
    MapState.ItemBatcher batcher = map.batcher();
    int perBatch = integer(turn, flow, batcher.maxItemsPerBatch(), input, Integer.MAX_VALUE);
    JsonNode batchInput = batchInput(turn, flow, map);
    ArrayNode batches = Json.NODES.arrayNode();
    ObjectNode current = null;
    for (JsonNode item : items) {
      if (current == null || current.get("Items").size() >= perBatch) {
        current = Json.object();
        current.putArray("Items");
        if (batchInput != null) {
          current.set("BatchInput", batchInput);
        }
        batches.add(current);
      }
      ((ArrayNode) current.get("Items")).add(item);
    }
    return batches;
  }

  /** BatchInput as written; in JSONata its {@code {% %}} strings are evaluated, as AWS does. */
  private static JsonNode batchInput(Turn turn, Flow flow, MapState map) {
    JsonNode written = map.batcher().batchInput();
    if (written == null || map.queryLanguage() != QueryLanguage.JSONATA) {
      return written;
    }
    return JsonataEvaluator.evaluate(
        written, "ItemBatcher/BatchInput", turn.binding(flow, flow.stateInput));
  }
}
