package dev.mercury.language.model;

/** Ends its branch successfully. */
public record SucceedState(StateFields fields) implements State {
  @Override
  public String typeName() {
    return "Succeed";
  }
}
