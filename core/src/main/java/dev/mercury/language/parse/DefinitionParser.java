package dev.mercury.language.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.QueryLanguage;
import dev.mercury.language.model.State;
import dev.mercury.language.model.StateMachine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a definition into the immutable model. It expects a definition the validator accepted and
 * reports what it still cannot use with the JSON pointer of the field.
 */
public final class DefinitionParser {
  private DefinitionParser() {}

  public static StateMachine parse(String text) {
    try {
      return parse(Json.parse(text));
    } catch (JsonProcessingException e) {
      throw new DefinitionException("", "invalid JSON: " + e.getOriginalMessage());
    }
  }

  public static StateMachine parse(JsonNode definition) {
    if (!definition.isObject()) {
      throw new DefinitionException("", "a definition must be a JSON object");
    }
    QueryLanguage language = languageOf(definition, QueryLanguage.JSONPATH, "");
    Program root = program(definition, language, "");
    JsonNode timeout = definition.get("TimeoutSeconds");
    return new StateMachine(
        root,
        text(definition, "Comment"),
        timeout == null ? null : timeout.asInt(),
        language,
        definition);
  }

  static Program program(JsonNode node, QueryLanguage inherited, String pointer) {
    JsonNode states = node.get("States");
    JsonNode startAt = node.get("StartAt");
    if (states == null || !states.isObject()) {
      throw new DefinitionException(pointer + "/States", "States must be an object");
    }
    if (startAt == null || !startAt.isTextual()) {
      throw new DefinitionException(pointer + "/StartAt", "StartAt must be a state name");
    }
    Map<String, State> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : states.properties()) {
      String statePointer = pointer + "/States/" + Pointers.escape(entry.getKey());
      parsed.put(
          entry.getKey(),
          new StateParser(entry.getKey(), entry.getValue(), inherited, statePointer).parse());
    }
    if (!parsed.containsKey(startAt.textValue())) {
      throw new DefinitionException(
          pointer + "/StartAt",
          "StartAt names '" + startAt.textValue() + "', which is not a state");
    }
    return new Program(startAt.textValue(), Map.copyOf(parsed), inherited);
  }

  static QueryLanguage languageOf(JsonNode node, QueryLanguage inherited, String pointer) {
    JsonNode field = node.get("QueryLanguage");
    if (field == null) {
      return inherited;
    }
    try {
      return QueryLanguage.of(field.asText());
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/QueryLanguage", e.getMessage());
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
