package dev.mercury.language.validate;

import java.util.List;
import java.util.function.Consumer;

/**
 * A shallow check of intrinsic function calls, used until the intrinsic function parser is wired
 * in: every function name is a known {@code States.} function, parentheses balance outside quoted
 * strings, and nothing follows the outermost closing parenthesis. Arguments are not parsed, so a
 * wrong argument count or a bad path inside a call is only found when the state runs.
 */
final class BasicIntrinsicSyntax implements Consumer<String> {
  static final List<String> FUNCTIONS =
      List.of(
          "States.Format",
          "States.StringToJson",
          "States.JsonToString",
          "States.Array",
          "States.ArrayPartition",
          "States.ArrayContains",
          "States.ArrayRange",
          "States.ArrayGetItem",
          "States.ArrayLength",
          "States.ArrayUnique",
          "States.Base64Encode",
          "States.Base64Decode",
          "States.Hash",
          "States.JsonMerge",
          "States.MathRandom",
          "States.MathAdd",
          "States.StringSplit",
          "States.UUID");

  @Override
  public void accept(String text) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        i += c == '\\' ? 1 : 0;
        quoted = c != '\'';
      } else if (c == '\'') {
        quoted = true;
      } else if (c == '(') {
        checkName(text, i, depth);
        depth++;
      } else if (c == ')') {
        depth--;
        checkClose(text, i, depth);
      }
    }
    checkEnd(text, depth, quoted);
  }

  private static void checkName(String text, int open, int depth) {
    int start = open;
    while (start > 0 && isNamePart(text.charAt(start - 1))) {
      start--;
    }
    String name = text.substring(start, open);
    if (depth == 0 && start != 0) {
      throw new IllegalArgumentException(
          "it must start with the function name, such as States.Format(");
    }
    if (name.isEmpty() && start > 0 && text.charAt(start - 1) == '?') {
      return;
    }
    if (!FUNCTIONS.contains(name)) {
      String known = Spelling.suggestion(name, FUNCTIONS);
      throw new IllegalArgumentException(
          name.isEmpty()
              ? "'(' at position " + (open + 1) + " does not follow a function name"
              : "'" + name + "' is not an intrinsic function" + known);
    }
  }

  private static void checkClose(String text, int close, int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("')' at position " + (close + 1) + " closes nothing");
    }
    if (depth == 0 && close != text.length() - 1) {
      throw new IllegalArgumentException("text follows the closing ')' at position " + (close + 1));
    }
  }

  private static void checkEnd(String text, int depth, boolean quoted) {
    if (quoted) {
      throw new IllegalArgumentException("a quoted string is never closed with '");
    }
    if (depth > 0) {
      throw new IllegalArgumentException("a '(' is never closed");
    }
    if (!text.endsWith(")")) {
      throw new IllegalArgumentException(
          "the function name must be followed by its arguments in (...)");
    }
  }

  private static boolean isNamePart(char c) {
    return c == '.'
        || c == '_'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9';
  }
}
