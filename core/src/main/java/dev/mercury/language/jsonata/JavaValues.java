package dev.mercury.language.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library works on. JSON null
 * is the library's {@link Jsonata#NULL_VALUE}; a Java null is JSONata's undefined.
 */
final class JavaValues {
  private static final double LARGEST_EXACT_INTEGER = 9007199254740992d;

  private JavaValues() {}

  static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    return switch (node.getNodeType()) {
      case OBJECT -> {
        // Sized for its members up front: inputs are converted once per expression.
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(node.size());
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          map.put(member.getKey(), toJava(member.getValue()));
        }
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJava(element));
        }
        yield list;
      }
      case STRING -> node.textValue();
      case BOOLEAN -> node.booleanValue();
      case NUMBER ->
          node.isIntegralNumber() && node.canConvertToLong()
              ? node.longValue()
              : node.doubleValue();
      case NULL -> Jsonata.NULL_VALUE;
      default -> null;
    };
  }

  /**
   * The JSON form of a JSONata result; numbers that are whole print without a fraction, as in
   * JavaScript. Returns null for undefined, and throws {@link IllegalArgumentException} for a value
   * JSON cannot hold (a function).
   */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return null;
    }
    if (value == Jsonata.NULL_VALUE) {
      return Json.NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.object();
      map.forEach((k, v) -> object.set(String.valueOf(k), member(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(member(element));
      }
      return array;
    }
    if (value instanceof String text) {
      return Json.NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return Json.NODES.booleanNode(bool);
    }
    if (value instanceof Number number) {
      return number(number);
    }
    throw new IllegalArgumentException(
        "unsupported result type " + value.getClass().getSimpleName());
  }

  /** Inside objects and arrays JSONata drops undefined, so a Java null there is JSON null. */
  private static JsonNode member(Object value) {
    JsonNode converted = toJson(value);
    return converted == null ? Json.NODES.nullNode() : converted;
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short) {
      return Json.NODES.numberNode(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return Json.NODES.numberNode(big);
    }
    double d = number instanceof BigDecimal big ? big.doubleValue() : number.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) < LARGEST_EXACT_INTEGER) {
      return Json.NODES.numberNode((long) d);
    }
    return Json.NODES.numberNode(d);
  }
}
