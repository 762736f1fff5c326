package dev.mercury.language.validate;

/** The definition text is not JSON, or not a single JSON value; carries the one diagnostic. */
final class InvalidJsonException extends Exception {
  private final transient Diagnostic diagnostic;

  InvalidJsonException(int line, int column, String message) {
    super(message);
    this.diagnostic = new Diagnostic("", line, column, "invalid-json", message);
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
