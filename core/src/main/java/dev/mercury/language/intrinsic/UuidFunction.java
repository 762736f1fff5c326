package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.UUID;

/** States.UUID: a random version 4 UUID. */
final class UuidFunction {
  private UuidFunction() {}

  /** AWS was seen to ignore any arguments given to States.UUID rather than reject them. */
  static List<Builtin> all() {
    return List.of(new Builtin("States.UUID", Arity.atLeast(0), UuidFunction::uuid));
  }

  private static JsonNode uuid(Arguments arguments) {
    return TextNode.valueOf(UUID.randomUUID().toString());
  }
}
