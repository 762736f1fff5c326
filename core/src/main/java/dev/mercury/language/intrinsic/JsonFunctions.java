package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mercury.language.json.Json;
import java.util.List;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {
  private JsonFunctions() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("States.StringToJson", Arity.exactly(1), JsonFunctions::stringToJson),
        new Builtin("States.JsonToString", Arity.exactly(1), JsonFunctions::jsonToString),
        new Builtin("States.JsonMerge", Arity.exactly(3), JsonFunctions::merge));
  }

  /** An empty or blank string parses to null on AWS instead of failing. */
  private static JsonNode stringToJson(Arguments arguments) {
    String text = arguments.string(0);
    if (text.isBlank()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw arguments.invalid();
    }
  }

  /** Compact JSON, numbers as Jackson writes them: 1.0 stays "1.0", 1 stays "1". */
  private static JsonNode jsonToString(Arguments arguments) {
    return TextNode.valueOf(Json.write(arguments.get(0)));
  }

  /**
   * A shallow merge: the second object's keys replace the first's, nested objects included. AWS
   * supports only that mode, so a deep flag that reads as true fails; any other value is taken as
   * false, as AWS takes the string "false".
   */
  private static JsonNode merge(Arguments arguments) {
    ObjectNode first = arguments.object(0);
    ObjectNode second = arguments.object(1);
    if (JavaView.text(arguments.get(2)).equalsIgnoreCase("true")) {
      throw arguments.invalid();
    }

    ObjectNode merged = first.deepCopy();
    merged.setAll(second);
    return merged;
  }
}
