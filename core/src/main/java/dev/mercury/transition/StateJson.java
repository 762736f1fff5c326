package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A state's JSON as written in the definition, found by its program key (see {@code
 * StateMachine.program}); for fields the parsed model does not keep.
 */
final class StateJson {
  private StateJson() {}

  static JsonNode of(JsonNode definition, List<String> program, String stateName) {
    JsonNode states = definition.path("States");
    for (int i = 0; i < program.size(); i += 2) {
      JsonNode state = states.path(program.get(i));
      JsonNode inner =
          state.has("Branches")
              ? state.path("Branches").path(Integer.parseInt(program.get(i + 1)))
              : state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
      states = inner.path("States");
    }
    return states.path(stateName);
  }

  /** Whether a Map state runs in DISTRIBUTED mode, which gives each of its runs a Map Run. */
  static boolean distributed(JsonNode map) {
    return map.path("ItemProcessor")
        .path("ProcessorConfig")
        .path("Mode")
        .asText("INLINE")
        .equals("DISTRIBUTED");
  }
}
