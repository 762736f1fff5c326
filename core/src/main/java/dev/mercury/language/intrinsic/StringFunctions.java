package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mercury.language.json.Json;
import java.util.List;
import java.util.StringTokenizer;

/** States.StringSplit. */
final class StringFunctions {
  private StringFunctions() {}

  static List<Builtin> all() {
    return List.of(new Builtin("States.StringSplit", Arity.exactly(2), StringFunctions::split));
  }

  /**
   * Every character of the second argument is a delimiter and empty pieces are dropped: ",,,,"
   * splits into nothing and an empty delimiter leaves the string whole. That is exactly what
   * java.util.StringTokenizer does, which is why this legacy class is used here.
   */
  private static JsonNode split(Arguments arguments) {
    String text = arguments.string(0);
    String delimiters = arguments.string(1);

    ArrayNode pieces = Json.NODES.arrayNode();
    StringTokenizer tokenizer = new StringTokenizer(text, delimiters);
    while (tokenizer.hasMoreTokens()) {
      pieces.add(tokenizer.nextToken());
    }
    return pieces;
  }
}
