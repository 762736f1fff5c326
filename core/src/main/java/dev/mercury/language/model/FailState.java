package dev.mercury.language.model;

/**
 * Ends its branch with an error. Each of the error and the cause is given as a value, a path, or
 * (in JSONata) an expression, or not at all.
 */
public record FailState(StateFields fields, DynamicValue error, DynamicValue cause)
    implements State {
  @Override
  public String typeName() {
    return "Fail";
  }
}
