package dev.mercury.language.validate;

import dev.mercury.language.path.JsonPath;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks JSONPath-state values: paths, reference paths, intrinsic function calls and the payload
 * templates whose {@code .$} fields hold them.
 */
final class PathRules {
  private final Findings findings;
  private final FieldTypes types;
  private final Consumer<String> intrinsicSyntax;

  PathRules(Findings findings, FieldTypes types, Consumer<String> intrinsicSyntax) {
    this.findings = findings;
    this.types = types;
    this.intrinsicSyntax = intrinsicSyntax;
  }

  /** A path into the input, the context object ({@code $$}) or a variable; null if nullable. */
  void path(Site object, String field, boolean nullable) {
    Site value = object.field(field);
    if (!pathString(value, field, nullable)) {
      return;
    }
    String reason = pathProblem(value.text());
    if (reason != null) {
      findings.add(value, "invalid-path", "'%s' is not a valid path: %s.".formatted(field, reason));
    }
  }

  /** A path that names one place in the input: '$', field names and indexes only. */
  void referencePath(Site object, String field, boolean nullable) {
    Site value = object.field(field);
    if (!pathString(value, field, nullable)) {
      return;
    }
    String reason = referenceProblem(value.text());
    if (reason != null) {
      String detail = "'%s' must be a reference path like \"$.result\", but %s.";
      findings.add(value, "invalid-reference-path", detail.formatted(field, reason));
    }
  }

  /** A path, or a call of an intrinsic function such as States.Format (Fail's ErrorPath). */
  void pathOrIntrinsic(Site object, String field) {
    Site value = object.field(field);
    if (types.string(object, field)) {
      dynamicValue(value, field);
    }
  }

  /** A payload template field: an object whose {@code .$} fields, however deep, are dynamic. */
  void template(Site object, String field) {
    if (types.object(object, field)) {
      templateValue(object.field(field));
    }
  }

  /** Walks any JSON value of a payload template, checking each {@code .$} field it holds. */
  void templateValue(Site value) {
    if (value.isObject()) {
      Set<String> produced = new HashSet<>();
      for (String key : value.fieldNames()) {
        templateField(value.field(key), key, produced);
      }
    } else {
      value.items().forEach(this::templateValue);
    }
  }

  private void templateField(Site child, String key, Set<String> produced) {
    boolean dynamic = key.endsWith(".$");
    String name = dynamic ? key.substring(0, key.length() - 2) : key;
    if (!produced.add(name)) {
      String detail = "the field '%s' is produced twice, once from '%s.$'; keep one of them.";
      findings.addAtKey(child, "duplicate-key", detail.formatted(name, name));
    }
    if (!dynamic) {
      templateValue(child);
    } else if (!child.node().isTextual()) {
      String detail =
          "'%s' ends in '.$', so its value must be a path or an intrinsic function"
              + " call, but it is %s.";
      findings.add(child, "invalid-type", detail.formatted(key, FieldTypes.describe(child.node())));
    } else {
      dynamicValue(child, key);
    }
  }

  /** A string that must be a path ('$...') or an intrinsic function call ('States.X(...)'). */
  private void dynamicValue(Site value, String field) {
    String text = value.text();
    if (text.startsWith("$")) {
      String reason = pathProblem(text);
      if (reason != null) {
        String detail = "'%s' holds \"%s\", which is not a valid path: %s.";
        findings.add(value, "invalid-path", detail.formatted(field, text, reason));
      }
    } else if (text.startsWith("States.")) {
      intrinsic(value, field, text);
    } else {
      String detail =
          "'%s' must hold a path starting with '$' or an intrinsic function call such"
              + " as States.Format(...), but it holds \"%s\"%s.";
      String hint =
          field.endsWith(".$") ? "; to pass the text as it is, drop '.$' from the key" : "";
      findings.add(value, "invalid-path", detail.formatted(field, text, hint));
    }
  }

  private void intrinsic(Site value, String field, String text) {
    try {
      intrinsicSyntax.accept(text);
    } catch (IllegalArgumentException e) {
      String detail = "'%s' holds an invalid intrinsic function call: %s";
      findings.add(value, "invalid-intrinsic", detail.formatted(field, sentence(reason(e))));
    }
  }

  private boolean pathString(Site value, String field, boolean nullable) {
    if (!value.exists() || nullable && value.node().isNull()) {
      return false;
    }
    if (value.node().isTextual()) {
      return true;
    }
    String kind = nullable ? "a path string such as \"$.data\", or null" : "a path string";
    String detail = "'%s' must be %s, but it is %s.";
    findings.add(value, "invalid-type", detail.formatted(field, kind, describeOf(value)));
    return false;
  }

  /** Why the text is not a path, or null when it is one. */
  static String pathProblem(String text) {
    // Jayway reads "$.a[" as a field named "a[", so unpaired brackets are caught here.
    if (!bracketsPair(text)) {
      return "its brackets '[' and ']' do not pair up";
    }
    try {
      JsonPath.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return reason(e);
    }
  }

  /** Why the text is not a reference path, or null when it is one. */
  static String referenceProblem(String text) {
    String problem = pathProblem(text);
    if (problem != null) {
      return "it is not a valid path: " + problem;
    }
    JsonPath path = JsonPath.parse(text);
    return switch (path.root()) {
      case CONTEXT -> "it starts with '$$', and the context object cannot be written";
      case VARIABLE -> "it names the variable '$" + path.variable() + "', which it cannot write";
      case INPUT ->
          path.steps() == null
              ? "it uses wildcards, filters, slices or unions, so it may not name one place"
              : null;
    };
  }

  private static boolean bracketsPair(String text) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == ']') {
        depth += c == '[' ? 1 : -1;
        if (depth < 0) {
          return false;
        }
      }
    }
    return depth == 0 && quote == 0;
  }

  private static String sentence(String text) {
    return text.endsWith("?") || text.endsWith("!") ? text : text + ".";
  }

  private static String describeOf(Site value) {
    return FieldTypes.describe(value.node());
  }

  private static String reason(IllegalArgumentException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "it could not be parsed";
    }
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }
}
