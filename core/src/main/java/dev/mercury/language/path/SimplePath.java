package dev.mercury.language.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The common paths made only of names and indexes ({@code $.a.b[0]}, {@code $['a b']}), read
 * without a general JSONPath engine because almost every state uses them on its hot path.
 */
final class SimplePath {
  private SimplePath() {}

  /**
   * The steps of a simple path: {@link String} names and {@link Integer} indexes; an empty list for
   * {@code $}; null when the path needs the general engine.
   */
  static List<Object> steps(String path) {
    if (!path.startsWith("$")) {
      return null;
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < n && isPlain(path.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          return null;
        }
        steps.add(path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String inside = path.substring(i + 1, close);
        Object step = bracketStep(inside);
        if (step == null) {
          return null;
        }
        steps.add(step);
        i = close + 1;
      } else {
        return null;
      }
    }
    return steps;
  }

  private static boolean isPlain(char c) {
    return c != '.' && c != '[' && c != ']' && c != '*' && c != '(' && c != ')' && c != '?'
        && c != '@' && c != '\'' && c != '"' && c != ' ' && c != ',' && c != ':';
  }

  private static Object bracketStep(String inside) {
    // AWS reads a quoted name literally: a backslash is kept as it is, not an escape.
    if (inside.length() >= 2
        && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
      String name = inside.substring(1, inside.length() - 1);
      return name.indexOf(inside.charAt(0)) >= 0 ? null : name;
    }
    if (inside.isEmpty() || inside.length() > 9) {
      return null;
    }
    for (int k = 0; k < inside.length(); k++) {
      if (!Character.isDigit(inside.charAt(k))) {
        return null;
      }
    }
    return Integer.parseInt(inside);
  }

  /** The value at the steps, or null when a step finds nothing. */
  static JsonNode read(JsonNode document, List<Object> steps) {
    JsonNode current = document;
    for (Object step : steps) {
      if (current == null) {
        return null;
      }
      if (step instanceof String name) {
        current = current.isObject() ? current.get(name) : null;
      } else {
        int index = (Integer) step;
        current = current.isArray() && index < current.size() ? current.get(index) : null;
      }
    }
    return current;
  }

  /**
   * Why {@link #read} found nothing, in the words Jayway JsonPath (and so AWS) uses: a missing last
   * step selects nothing; a missing step before it is a missing property.
   */
  static String missing(JsonNode document, List<Object> steps) {
    StringBuilder path = new StringBuilder("$");
    JsonNode current = document;
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      path.append(step instanceof String name ? "['" + name + "']" : "[" + step + "]");
      current = read(current, List.of(step));
      if (current == null) {
        return i == steps.size() - 1
            ? "No results for path: " + path
            : "Missing property in path " + path;
      }
    }
    return "No results for path: " + path;
  }
}
