package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed state machine definition.
 *
 * @param definition the definition as written, kept for checkpoints and the API
 */
public record StateMachine(
    Program root,
    String comment,
    Integer timeoutSeconds,
    QueryLanguage queryLanguage,
    JsonNode definition) {

  /**
   * The program at a key: the empty key is the top level; each pair (state name, index) after it
   * steps into a Parallel branch or, with index 0, a Map state's item processor.
   */
  public Program program(List<String> key) {
    Program program = root;
    for (int i = 0; i < key.size(); i += 2) {
      State state = program.state(key.get(i));
      program =
          switch (state) {
            case ParallelState parallel ->
                parallel.branches().get(Integer.parseInt(key.get(i + 1)));
            case MapState map -> map.processor();
            default -> throw new IllegalArgumentException("no program at " + key);
          };
    }
    return program;
  }
}
