package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** The two query languages a state can be written in. */
enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String spelling;

  QueryLanguage(String spelling) {
    this.spelling = spelling;
  }

  /** The language spelled exactly as ASL spells it, or null. */
  static QueryLanguage named(String text) {
    for (QueryLanguage language : values()) {
      if (language.spelling.equals(text)) {
        return language;
      }
    }
    return null;
  }

  /** Whether the value is a JSONata expression string, {@code "{% ... %}"}. */
  static boolean isExpression(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return false;
    }
    String text = node.textValue();
    return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }
}
