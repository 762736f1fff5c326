package dev.mercury.language.intrinsic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every intrinsic function AWS Step Functions offers, looked up by its full name. */
final class Builtins {
  private static final Map<String, Builtin> BY_NAME = index();

  private Builtins() {}

  static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }

  static Optional<Builtin> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Map<String, Builtin> index() {
    Map<String, Builtin> byName = new HashMap<>();
    List<List<Builtin>> families =
        List.of(
            ArrayFunctions.all(),
            EncodingFunctions.all(),
            HashFunction.all(),
            JsonFunctions.all(),
            MathFunctions.all(),
            StringFunctions.all(),
            FormatFunction.all(),
            UuidFunction.all());
    for (List<Builtin> family : families) {
      for (Builtin builtin : family) {
        byName.put(builtin.name(), builtin);
      }
    }
    return Map.copyOf(byName);
  }
}
