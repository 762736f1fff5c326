package dev.mercury.language.intrinsic;

/** How many arguments a function takes; {@code max} is {@link Integer#MAX_VALUE} when unbounded. */
record Arity(int min, int max) {

  static Arity exactly(int count) {
    return new Arity(count, count);
  }

  static Arity between(int min, int max) {
    return new Arity(min, max);
  }

  static Arity atLeast(int min) {
    return new Arity(min, Integer.MAX_VALUE);
  }

  boolean allows(int count) {
    return count >= min && count <= max;
  }

  /** Reads as "1 argument", "2 or 3 arguments", "at least 1 argument". */
  String describe() {
    if (max == Integer.MAX_VALUE) {
      return "at least " + plural(min);
    }
    if (min == max) {
      return plural(min);
    }
    return min + (max == min + 1 ? " or " : " to ") + plural(max);
  }

  private static String plural(int count) {
    return count + (count == 1 ? " argument" : " arguments");
  }
}
