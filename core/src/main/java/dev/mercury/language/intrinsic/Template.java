package dev.mercury.language.intrinsic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A States.Format template: the literal text around each {} placeholder.
 *
 * @param segments the text before the first placeholder, between placeholders and after the last;
 *     always one more than the placeholders
 */
record Template(List<String> segments) {

  Template {
    segments = List.copyOf(segments);
  }

  int placeholders() {
    return segments.size() - 1;
  }

  /**
   * Reads a template written as a string literal, its escapes still in place: \{ and \} are literal
   * braces, and a brace that is not part of {} makes the template malformed, as AWS fails 'Hello
   * {', '}' and '{{}}'.
   */
  static Optional<Template> ofLiteral(String raw) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        segment.append(raw.charAt(++i));
      } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
        segments.add(segment.toString());
        segment.setLength(0);
        i++;
      } else if (c == '{' || c == '}') {
        return Optional.empty();
      } else {
        segment.append(c);
      }
    }
    segments.add(segment.toString());
    return Optional.of(new Template(segments));
  }

  /**
   * Reads a template that came from a path or a nested call. It has no escapes to resolve, so every
   * {} is a placeholder and every other character is itself.
   */
  static Template ofValue(String text) {
    List<String> segments = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf("{}"); at >= 0; at = text.indexOf("{}", from)) {
      segments.add(text.substring(from, at));
      from = at + 2;
    }
    segments.add(text.substring(from));
    return new Template(segments);
  }

  String fill(List<String> values) {
    StringBuilder result = new StringBuilder(segments.getFirst());
    for (int i = 0; i < values.size(); i++) {
      result.append(values.get(i)).append(segments.get(i + 1));
    }
    return result.toString();
  }
}
