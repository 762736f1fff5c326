package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.mercury.language.json.Json;
import java.util.List;

/** States.Array and the functions that take arrays apart or build them from ranges. */
final class ArrayFunctions {
  /** The most elements States.ArrayRange may produce. */
  static final int MAX_RANGE_SIZE = 1000;

  private ArrayFunctions() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("States.Array", Arity.atLeast(0), ArrayFunctions::array),
        new Builtin("States.ArrayPartition", Arity.exactly(2), ArrayFunctions::partition),
        new Builtin("States.ArrayContains", Arity.exactly(2), ArrayFunctions::contains),
        new Builtin("States.ArrayRange", Arity.exactly(3), ArrayFunctions::range),
        new Builtin("States.ArrayGetItem", Arity.exactly(2), ArrayFunctions::getItem),
        new Builtin("States.ArrayLength", Arity.exactly(1), ArrayFunctions::length),
        new Builtin("States.ArrayUnique", Arity.exactly(1), ArrayFunctions::unique));
  }

  private static JsonNode array(Arguments arguments) {
    ArrayNode result = Json.NODES.arrayNode(arguments.size());
    for (int i = 0; i < arguments.size(); i++) {
      result.add(arguments.get(i));
    }
    return result;
  }

  private static JsonNode partition(Arguments arguments) {
    ArrayNode array = arguments.array(0);
    int chunkSize = arguments.truncatedInt(1);
    if (chunkSize <= 0) {
      throw arguments.invalid();
    }

    ArrayNode chunks = Json.NODES.arrayNode();
    ArrayNode chunk = null;
    for (int i = 0; i < array.size(); i++) {
      if (i % chunkSize == 0) {
        chunk = chunks.addArray();
      }
      chunk.add(array.get(i));
    }
    return chunks;
  }

  /**
   * Compares the values as Java prints them, not as JSON, because that is what AWS was reported to
   * do: 1 matches "1", true matches "true", and an object matches only one whose keys are in the
   * same order.
   */
  private static JsonNode contains(Arguments arguments) {
    ArrayNode array = arguments.array(0);
    String wanted = JavaView.text(arguments.get(1));
    for (JsonNode element : array) {
      if (JavaView.text(element).equals(wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  private static JsonNode range(Arguments arguments) {
    int first = arguments.truncatedInt(0);
    int last = arguments.truncatedInt(1);
    int step = arguments.truncatedInt(2);
    if (step == 0) {
      throw arguments.invalid();
    }

    long span = (long) last - first;
    long count = Long.signum(span) == -Integer.signum(step) ? 0 : span / step + 1;
    if (count > MAX_RANGE_SIZE) {
      throw arguments.invalid();
    }

    ArrayNode result = Json.NODES.arrayNode((int) count);
    for (long i = 0; i < count; i++) {
      result.add(IntNode.valueOf((int) (first + i * step)));
    }
    return result;
  }

  /**
   * AWS was reported to return null for an index past the end of an empty array; this fails
   * instead, as it does for every other array.
   */
  private static JsonNode getItem(Arguments arguments) {
    ArrayNode array = arguments.array(0);
    int index = arguments.truncatedInt(1);
    if (index < 0 || index >= array.size()) {
      throw arguments.invalid();
    }
    return array.get(index);
  }

  private static JsonNode length(Arguments arguments) {
    return IntNode.valueOf(arguments.array(0).size());
  }

  private static JsonNode unique(Arguments arguments) {
    return JavaView.distinct(arguments.array(0));
  }
}
