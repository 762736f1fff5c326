package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.text.Spelling;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks the JSON type and range of one field of an object. Each check is silent when the field is
 * absent, reports a wrong value, and answers whether the field holds a right literal value, so that
 * callers go on to deeper checks only for values that can bear them.
 */
final class FieldTypes {
  /** The largest number of seconds, items or attempts AWS accepts in any counting field. */
  static final long LARGEST = 99_999_999;

  private static final String OBJECT_OR_EXPR = "an object or a JSONata expression \"{% ... %}\"";
  private static final String ARRAY_OR_EXPR = "an array or a JSONata expression \"{% ... %}\"";
  private static final String BOOL_OR_EXPR = "true, false or a JSONata expression \"{% ... %}\"";

  private final Findings findings;

  FieldTypes(Findings findings) {
    this.findings = findings;
  }

  boolean string(Site object, String field) {
    return is(object, field, JsonNode::isTextual, "a string");
  }

  boolean bool(Site object, String field) {
    return is(object, field, JsonNode::isBoolean, "true or false");
  }

  boolean object(Site object, String field) {
    return is(object, field, JsonNode::isObject, "an object");
  }

  boolean array(Site object, String field) {
    return is(object, field, JsonNode::isArray, "an array");
  }

  /** Any number. */
  boolean numeric(Site object, String field) {
    return is(object, field, JsonNode::isNumber, "a number");
  }

  /** true or false, or a JSONata expression string (a JSONata Choice rule's Condition). */
  boolean boolOrExpression(Site object, String field) {
    return is(object, field, n -> n.isBoolean() || QueryLanguage.isExpression(n), BOOL_OR_EXPR);
  }

  /** An object, or in a JSONata state also a JSONata expression string. */
  boolean objectOrExpression(Site object, String field, QueryLanguage language) {
    if (language == QueryLanguage.JSONATA) {
      return is(object, field, n -> n.isObject() || QueryLanguage.isExpression(n), OBJECT_OR_EXPR);
    }
    return object(object, field);
  }

  /** An array, or a JSONata expression string (a JSONata Map state's Items). */
  boolean arrayOrExpression(Site object, String field) {
    return is(object, field, n -> n.isArray() || QueryLanguage.isExpression(n), ARRAY_OR_EXPR);
  }

  /** An array with at least one element. */
  boolean nonEmptyArray(Site object, String field) {
    if (!array(object, field)) {
      return false;
    }
    Site value = object.field(field);
    if (value.node().isEmpty()) {
      findings.add(value, "empty-array", "'%s' must not be empty.".formatted(field));
      return false;
    }
    return true;
  }

  /** An integer from {@code min} to {@link #LARGEST}. */
  boolean integer(Site object, String field, long min) {
    Site value = object.field(field);
    if (!value.exists()) {
      return false;
    }
    JsonNode node = value.node();
    boolean whole = node.isIntegralNumber() && node.canConvertToLong();
    if (whole && node.longValue() >= min && node.longValue() <= LARGEST) {
      return true;
    }
    String code = node.isNumber() ? "invalid-value" : "invalid-type";
    String kind = whole && node.longValue() > LARGEST ? "at most " + LARGEST : wholeKind(min);
    findings.add(
        value, code, "'%s' must be %s, but it is %s.".formatted(field, kind, describe(node)));
    return false;
  }

  /**
   * An integer as {@link #integer}, or in a JSONata state a JSONata expression string, for which it
   * answers false because the number is not known before the state runs.
   */
  boolean integerOrExpression(Site object, String field, long min, QueryLanguage language) {
    JsonNode node = object.field(field).node();
    if (language == QueryLanguage.JSONATA && QueryLanguage.isExpression(node)) {
      return false;
    }
    return integer(object, field, min);
  }

  /** A number from {@code min} to {@code max}, or in a JSONata state a JSONata expression. */
  boolean number(Site object, String field, double min, double max, QueryLanguage language) {
    Site value = object.field(field);
    JsonNode node = value.node();
    if (node == null || language == QueryLanguage.JSONATA && QueryLanguage.isExpression(node)) {
      return false;
    }
    if (node.isNumber() && node.doubleValue() >= min && node.doubleValue() <= max) {
      return true;
    }
    String code = node.isNumber() ? "invalid-value" : "invalid-type";
    String range = max == Double.MAX_VALUE ? "at least " + plain(min) : "from %s to %s";
    String detail =
        "'%s' must be a number %s, but it is %s."
            .formatted(field, range.formatted(plain(min), plain(max)), describe(node));
    findings.add(value, code, detail);
    return false;
  }

  /** A string that is one of the given words. */
  boolean oneOf(Site object, String field, List<String> words) {
    if (!string(object, field)) {
      return false;
    }
    Site value = object.field(field);
    if (words.contains(value.text())) {
      return true;
    }
    String detail =
        "'%s' must be %s, but it is %s%s"
            .formatted(field, either(words), describe(value.node()), hint(value.text(), words));
    findings.add(value, "invalid-value", detail);
    return false;
  }

  /** Reports, at the second field, that two fields may not appear together. */
  boolean exclusive(Site object, String first, String second) {
    if (!object.has(first) || !object.has(second)) {
      return false;
    }
    String detail = "'%s' and '%s' cannot both be set; keep one of them.".formatted(first, second);
    findings.addAtKey(object.field(second), "exclusive-fields", detail);
    return true;
  }

  /**
   * Reports a missing field that the object must have.
   *
   * @param why the end of the sentence "'X' is required...", such as ": a non-empty array of error
   *     names" or " to name the state that handles the error"
   */
  void require(Site object, String field, String why) {
    if (!object.has(field)) {
      findings.add(
          object.field(field), "missing-field", "'%s' is required%s.".formatted(field, why));
    }
  }

  private boolean is(Site object, String field, Predicate<JsonNode> test, String kind) {
    Site value = object.field(field);
    if (!value.exists()) {
      return false;
    }
    if (test.test(value.node())) {
      return true;
    }
    String detail = "'%s' must be %s, but it is %s.".formatted(field, kind, describe(value.node()));
    findings.add(value, "invalid-type", detail);
    return false;
  }

  /** A short description of a JSON value for messages: "the string \"5\"", "an array". */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "the string " + quoteShort(node.textValue());
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> node.asText();
      case NULL -> "null";
      case ARRAY -> node.isEmpty() ? "an empty array" : "an array";
      case OBJECT -> node.isEmpty() ? "an empty object" : "an object";
      default -> node.getNodeType().name().toLowerCase();
    };
  }

  static String either(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        out.append(i == words.size() - 1 ? " or " : ", ");
      }
      out.append('"').append(words.get(i)).append('"');
    }
    return out.toString();
  }

  private static String wholeKind(long min) {
    return switch ((int) min) {
      case 0 -> "an integer of 0 or more";
      case 1 -> "a positive integer";
      default -> "an integer of at least " + min;
    };
  }

  private static String hint(String text, List<String> words) {
    String close = Spelling.closest(text, words);
    return close == null ? "." : "; did you mean \"" + close + "\"?";
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }

  private static String quoteShort(String text) {
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "\"" + shown + "\"";
  }
}
