package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mercury.language.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON value as AWS's Java engine holds it: maps, lists, strings, boxed numbers and booleans.
 * Several intrinsics show that view through: States.Format prints an object as a Java map prints
 * ({@code {Arg1=1, Arg2=[]}}), States.ArrayContains compares those printed forms, and
 * States.ArrayUnique returns its values in the order of a Java hash set.
 */
final class JavaView {
  private JavaView() {}

  /** The value as a plain Java object; numbers keep the type Jackson parsed them into. */
  static Object of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> objectOf(node);
      case ARRAY -> listOf(node);
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      default -> null;
    };
  }

  private static Map<String, Object> objectOf(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    node.properties().forEach(entry -> map.put(entry.getKey(), of(entry.getValue())));
    return map;
  }

  private static List<Object> listOf(JsonNode node) {
    List<Object> list = new ArrayList<>(node.size());
    node.forEach(element -> list.add(of(element)));
    return list;
  }

  /** The text Java's String.valueOf gives for the value: strings unquoted, 1.0 as "1.0". */
  static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : String.valueOf(of(node));
  }

  /**
   * The distinct elements in the order a java.util.HashSet iterates them, the first of equal
   * elements kept. AWS was reported to return [false, true] for [true, false, true, false] and [[2,
   * 1], [1, 2]] for [[1, 2], [1, 2], [2, 1]], which is that order; equality is Java's too, so
   * objects are equal whatever their key order.
   */
  static ArrayNode distinct(ArrayNode array) {
    Set<Object> unique = new HashSet<>(listOf(array));
    ArrayNode result = Json.NODES.arrayNode(unique.size());
    for (Object value : unique) {
      result.add(value == null ? Json.NODES.nullNode() : Json.MAPPER.valueToTree(value));
    }
    return result;
  }
}
