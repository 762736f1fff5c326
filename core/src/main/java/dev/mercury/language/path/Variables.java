package dev.mercury.language.path;

import com.fasterxml.jackson.databind.JsonNode;

/** Workflow variables visible to a state, looked up by name without the leading {@code $}. */
@FunctionalInterface
public interface Variables {
  Variables NONE = name -> null;

  /** The variable's value, or null when no variable of that name is in scope. */
  JsonNode get(String name);
}
