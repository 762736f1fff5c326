package dev.mercury.language.model;

import java.util.Map;

/**
 * A list of states with its entry: the top level of a state machine, one branch of a Parallel
 * state, or a Map state's item processor.
 */
public record Program(String startAt, Map<String, State> states, QueryLanguage queryLanguage) {
  public State state(String name) {
    return states.get(name);
  }
}
