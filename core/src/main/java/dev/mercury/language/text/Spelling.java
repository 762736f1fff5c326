package dev.mercury.language.text;

import java.util.Collection;
import java.util.Locale;

/** Finds the known name a misspelled one was probably meant to be. */
public final class Spelling {
  private Spelling() {}

  /** "; did you mean 'X'?" for the closest candidate, or an empty string when none is close. */
  public static String suggestion(String word, Collection<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The candidate within a few edits of the word, ignoring case, or null. */
  public static String closest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    // One edit turns any one-letter name into any other, so short words need closer matches.
    int limit = word.length() <= 2 ? 0 : word.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance && !candidate.equals(word)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * The fewest single-character insertions, deletions, substitutions and swaps of two neighbours
   * that turn one word into the other (optimal string alignment distance).
   */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
