package dev.mercury.language.parse;

/** A definition that cannot be turned into a state machine, with the JSON pointer of the fault. */
public final class DefinitionException extends RuntimeException {
  private final String pointer;

  public DefinitionException(String pointer, String message) {
    super(pointer + ": " + message);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }
}
