package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One function of the States. family: its name, the argument counts it accepts and what it computes
 * from its evaluated arguments.
 */
record Builtin(String name, Arity arity, Body body) {

  @FunctionalInterface
  interface Body {
    /** Computes the result; throws a States.Runtime {@code StatesError} on invalid arguments. */
    JsonNode apply(Arguments arguments);
  }
}
