package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@code Assign} block: the variables it sets, as written and, in JSONPath states, compiled once
 * as a payload template.
 *
 * @param template the compiled JSONPath template, or null in JSONata states
 */
public record Assignment(JsonNode raw, PayloadTemplate template) {
  /** The Assign field in the given language, or null when the field is absent. */
  public static Assignment of(JsonNode raw, QueryLanguage language) {
    if (raw == null) {
      return null;
    }
    return new Assignment(
        raw, language == QueryLanguage.JSONPATH ? PayloadTemplate.compile(raw) : null);
  }
}
