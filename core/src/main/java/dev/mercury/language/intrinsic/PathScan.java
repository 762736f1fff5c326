package dev.mercury.language.intrinsic;

/**
 * Finds where a path argument ends: at the first comma, closing parenthesis or blank that is not
 * inside brackets, parentheses or quotes, so that filters ({@code $.a[?(@.b > 1)]}), functions
 * ({@code $.a.length()}) and quoted names ({@code $['a, b']}) stay whole.
 */
final class PathScan {
  private final String source;
  private final int start;
  private int brackets;
  private int parentheses;
  private char quote;

  PathScan(String source, int start) {
    this.source = source;
    this.start = start;
  }

  int end() {
    int i = start;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (quote != 0) {
        i = inQuote(c, i);
      } else if (endsHere(c)) {
        return i;
      } else {
        track(c);
      }
      i++;
    }
    if (quote != 0 || brackets > 0 || parentheses > 0) {
      throw ParseFailure.at("unterminated path", start);
    }
    return i;
  }

  private int inQuote(char c, int i) {
    if (c == '\\') {
      return i + 1;
    }
    if (c == quote) {
      quote = 0;
    }
    return i;
  }

  private boolean endsHere(char c) {
    if (brackets > 0 || parentheses > 0) {
      return false;
    }
    return c == ',' || c == ')' || Character.isWhitespace(c);
  }

  private void track(char c) {
    switch (c) {
      case '[' -> brackets++;
      case ']' -> brackets--;
      case '(' -> parentheses++;
      case ')' -> parentheses--;
      case '\'', '"' -> {
        if (brackets > 0 || parentheses > 0) {
          quote = c;
        }
      }
      default -> {}
    }
  }
}
