package dev.mercury.language.choice;

/**
 * StringMatches patterns: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a literal backslash; every other character matches itself.
 */
final class Wildcard {
  private Wildcard() {}

  static boolean matches(String pattern, String text) {
    return matchFrom(pattern, 0, text, 0);
  }

  private static boolean matchFrom(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int k = t; k <= text.length(); k++) {
          if (matchFrom(pattern, p + 1, text, k)) {
            return true;
          }
        }
        return false;
      }
      if (c == '\\' && p + 1 < pattern.length()) {
        c = pattern.charAt(++p);
      }
      if (t >= text.length() || text.charAt(t) != c) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }
}
