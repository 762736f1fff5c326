package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A parsed definition together with where, in its text, each value and each object key starts. Both
 * maps are keyed by JSON pointer; {@code duplicates} holds the keys an object repeated.
 */
record LocatedJson(
    JsonNode root,
    Map<String, Position> values,
    Map<String, Position> keys,
    List<Diagnostic> duplicates) {

  /** A 1-based line and column in the definition text. */
  record Position(int line, int column) {}

  /** Where the value at the pointer starts, or where its nearest existing ancestor starts. */
  Position valueAt(String pointer) {
    String current = pointer;
    while (!values.containsKey(current) && !current.isEmpty()) {
      current = current.substring(0, current.lastIndexOf('/'));
    }
    return values.getOrDefault(current, new Position(1, 1));
  }

  /** Where the key of the field at the pointer starts, falling back to its value. */
  Position keyAt(String pointer) {
    Position key = keys.get(pointer);
    return key != null ? key : valueAt(pointer);
  }
}
