package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Passes its input to its output, optionally replacing it with a fixed {@code Result}. */
public record PassState(StateFields fields, JsonNode result) implements State {
  @Override
  public String typeName() {
    return "Pass";
  }
}
