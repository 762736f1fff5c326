package dev.mercury.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks every Task state of a definition, in Parallel branches and Map processors too. */
final class TaskStates {
  private TaskStates() {}

  static void each(JsonNode program, BiConsumer<String, JsonNode> visit) {
    for (Map.Entry<String, JsonNode> entry : program.path("States").properties()) {
      JsonNode state = entry.getValue();
      switch (state.path("Type").asText()) {
        case "Task" -> visit.accept(entry.getKey(), state);
        case "Parallel" -> state.path("Branches").forEach(branch -> each(branch, visit));
        case "Map" -> {
          each(state.path("ItemProcessor"), visit);
          each(state.path("Iterator"), visit);
        }
        default -> {}
      }
    }
  }
}
