package dev.mercury.language.intrinsic;

/** Builds the exception a syntax error raises, naming where in the call it was found. */
final class ParseFailure {
  private ParseFailure() {}

  static IllegalArgumentException at(String problem, int offset) {
    return new IllegalArgumentException(problem + " at offset " + offset);
  }

  static IllegalArgumentException at(String problem, int offset, Throwable cause) {
    return new IllegalArgumentException(problem + " at offset " + offset, cause);
  }
}
