package dev.mercury.language.model;

import java.util.List;

/** Picks the next state by the first rule that matches, or its default. */
public record ChoiceState(StateFields fields, List<ChoiceRule> choices, String defaultNext)
    implements State {
  @Override
  public String typeName() {
    return "Choice";
  }
}
