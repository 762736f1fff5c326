package dev.mercury.language.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.model.Assignment;
import dev.mercury.language.model.ChoiceRule;
import dev.mercury.language.model.Condition;
import dev.mercury.language.model.Operator;
import dev.mercury.language.model.QueryLanguage;
import dev.mercury.language.path.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the rules of a Choice state. */
final class ChoiceParser {
  private final String pointer;
  private final QueryLanguage language;

  ChoiceParser(String statePointer, QueryLanguage language) {
    this.pointer = statePointer + "/Choices";
    this.language = language;
  }

  List<ChoiceRule> rules(JsonNode choices) {
    if (choices == null || !choices.isArray()) {
      throw new DefinitionException(pointer, "a Choice state needs a Choices array");
    }
    List<ChoiceRule> rules = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      JsonNode rule = choices.get(i);
      rules.add(
          new ChoiceRule(
              condition(rule, pointer + "/" + i),
              DefinitionParser.text(rule, "Next"),
              Assignment.of(rule.get("Assign"), language),
              rule.get("Output")));
    }
    return List.copyOf(rules);
  }

  private Condition condition(JsonNode rule, String at) {
    if (rule.has("Condition") || language == QueryLanguage.JSONATA) {
      return new Condition.Jsonata(rule.get("Condition"));
    }
    if (rule.has("And")) {
      return new Condition.And(list(rule.get("And"), at + "/And"));
    }
    if (rule.has("Or")) {
      return new Condition.Or(list(rule.get("Or"), at + "/Or"));
    }
    if (rule.has("Not")) {
      return new Condition.Not(condition(rule.get("Not"), at + "/Not"));
    }
    return comparison(rule, at);
  }

  private List<Condition> list(JsonNode array, String at) {
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      conditions.add(condition(array.get(i), at + "/" + i));
    }
    return List.copyOf(conditions);
  }

  private Condition comparison(JsonNode rule, String at) {
    JsonPath variable = path(rule.get("Variable"), at + "/Variable");
    for (Map.Entry<String, JsonNode> field : rule.properties()) {
      Operator operator = Operator.byField(field.getKey());
      if (operator == null) {
        continue;
      }
      boolean byPath = field.getKey().endsWith("Path") && !operator.isTypeTest();
      return byPath
          ? new Condition.Comparison(
              variable, operator, null, path(field.getValue(), at + "/" + field.getKey()))
          : new Condition.Comparison(variable, operator, field.getValue(), null);
    }
    throw new DefinitionException(at, "the rule has no comparison operator");
  }

  private static JsonPath path(JsonNode value, String at) {
    if (value == null || !value.isTextual()) {
      throw new DefinitionException(at, "a path is required here");
    }
    try {
      return JsonPath.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(at, "invalid path: " + e.getMessage());
    }
  }
}
