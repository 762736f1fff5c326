package dev.mercury.language.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Choice state and its rules. A JSONPath rule is a data test (a 'Variable' and exactly one
 * comparison) or a boolean expression (And, Or, Not) of nested rules; only top-level rules name a
 * 'Next' state. A JSONata rule tests a 'Condition' instead.
 */
final class ChoiceRules {
  /** What the value of a comparison operator must be. */
  enum Operand {
    STRING,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    PATH,
    TYPE_TEST,
    RULES,
    RULE
  }

  static final Map<String, Operand> OPERATORS = operators();

  /** A rule's fields; a nested rule reports Next and Assign as misplaced, not as unknown. */
  private static final List<String> RULE_FIELDS =
      plus(List.of("Variable", "Comment", "Next", "Assign"), OPERATORS.keySet());

  /** A JSONata rule's fields; JSONPath comparisons in it are reported with their own hint. */
  private static final List<String> JSONATA_RULE_FIELDS =
      plus(
          List.of("Condition", "Next", "Comment", "Assign", "Output", "Variable"),
          OPERATORS.keySet());

  private final Inspection inspection;
  private final FieldTypes types;

  ChoiceRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
  }

  void check(StateSite state) {
    Site site = state.site();
    types.require(site, "Choices", ": a non-empty array of choice rules");
    types.string(site, "Default");
    if (!types.nonEmptyArray(site, "Choices")) {
      return;
    }
    for (int i = 0; i < site.field("Choices").node().size(); i++) {
      Site rule = site.field("Choices").part(i, "Choice rule");
      if (!isObject(rule)) {
        continue;
      }
      if (state.jsonata()) {
        jsonataRule(rule);
      } else {
        topRule(rule);
      }
    }
  }

  private void topRule(Site rule) {
    inspection.fields().check(rule, RULE_FIELDS, "a choice rule");
    types.require(rule, "Next", " to name the state to go to when the rule matches");
    types.string(rule, "Next");
    types.string(rule, "Comment");
    inspection.assign().check(rule, QueryLanguage.JSONPATH);
    body(rule);
  }

  private void nestedRule(Site rule) {
    if (!isObject(rule)) {
      return;
    }
    for (String field : List.of("Next", "Assign")) {
      if (rule.has(field)) {
        String detail =
            "'%s' belongs only in a top-level rule of 'Choices'; rules inside And, Or"
                + " or Not only test.";
        inspection
            .findings()
            .addAtKey(rule.field(field), "misplaced-field", detail.formatted(field));
      }
    }
    inspection.fields().check(rule, RULE_FIELDS, "a choice rule");
    types.string(rule, "Comment");
    body(rule);
  }

  private void body(Site rule) {
    List<String> operators = new ArrayList<>();
    for (String field : rule.fieldNames()) {
      if (OPERATORS.containsKey(field)) {
        operators.add(field);
      }
    }
    if (operators.isEmpty()) {
      String detail =
          "the rule tests nothing; give it 'Variable' and one comparison such as"
              + " 'StringEquals', or combine rules with 'And', 'Or' or 'Not'.";
      inspection.findings().add(rule, "missing-comparison", detail);
      return;
    }
    for (String extra : operators.subList(1, operators.size())) {
      String detail =
          "a choice rule holds exactly one comparison, but this one has both '%s' and"
              + " '%s'; combine separate rules with 'And' or 'Or'.";
      Site at = rule.field(extra);
      inspection
          .findings()
          .addAtKey(at, "multiple-comparisons", detail.formatted(operators.get(0), extra));
    }
    variable(rule, operators.get(0));
    operators.forEach(operator -> operand(rule, operator));
  }

  private void variable(Site rule, String operator) {
    Operand kind = OPERATORS.get(operator);
    if (kind == Operand.RULES || kind == Operand.RULE) {
      if (rule.has("Variable")) {
        String detail =
            "'Variable' goes with a comparison, not with '%s'; move it into the rules"
                + " that '%s' combines.";
        inspection
            .findings()
            .addAtKey(
                rule.field("Variable"), "misplaced-field", detail.formatted(operator, operator));
      }
      return;
    }
    types.require(rule, "Variable", " to say which value '%s' compares".formatted(operator));
    inspection.paths().path(rule, "Variable", false);
  }

  private void operand(Site rule, String operator) {
    switch (OPERATORS.get(operator)) {
      case STRING -> types.string(rule, operator);
      case NUMBER -> types.numeric(rule, operator);
      case BOOLEAN, TYPE_TEST -> types.bool(rule, operator);
      case TIMESTAMP -> timestamp(rule, operator);
      case PATH -> inspection.paths().path(rule, operator, false);
      case RULES -> {
        if (types.nonEmptyArray(rule, operator)) {
          rule.field(operator).items().forEach(this::nestedRule);
        }
      }
      case RULE -> {
        if (types.object(rule, operator)) {
          nestedRule(rule.field(operator));
        }
      }
    }
  }

  private void timestamp(Site rule, String operator) {
    Site value = rule.field(operator);
    if (types.string(rule, operator) && !Timestamps.isValid(value.text())) {
      String detail =
          "'%s' must be an RFC 3339 timestamp such as \"2016-03-14T01:59:00Z\", but it"
              + " is \"%s\".";
      inspection
          .findings()
          .add(value, "invalid-timestamp", detail.formatted(operator, value.text()));
    }
  }

  private void jsonataRule(Site rule) {
    for (String field : rule.fieldNames()) {
      if (OPERATORS.containsKey(field) || field.equals("Variable")) {
        String detail =
            "'%s' belongs to JSONPath choice rules, and this state uses JSONata; write"
                + " the test as a 'Condition' such as \"{%% $states.input.status = 'done' %%}\".";
        Site at = rule.field(field);
        inspection.findings().addAtKey(at, "jsonpath-only-field", detail.formatted(field));
      }
    }
    inspection.fields().check(rule, JSONATA_RULE_FIELDS, "a JSONata choice rule");
    types.require(rule, "Condition", ": true, false or a JSONata expression");
    types.boolOrExpression(rule, "Condition");
    types.require(rule, "Next", " to name the state to go to when the condition holds");
    types.string(rule, "Next");
    types.string(rule, "Comment");
    inspection.assign().check(rule, QueryLanguage.JSONATA);
  }

  private boolean isObject(Site rule) {
    if (rule.isObject()) {
      return true;
    }
    String detail = "a choice rule must be an object, but it is %s.";
    inspection
        .findings()
        .add(rule, "invalid-type", detail.formatted(FieldTypes.describe(rule.node())));
    return false;
  }

  private static List<String> plus(List<String> fields, Collection<String> more) {
    List<String> all = new ArrayList<>(fields);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static Map<String, Operand> operators() {
    Map<String, Operand> operators = new LinkedHashMap<>();
    for (String test :
        List.of("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")) {
      operators.put("String" + test, Operand.STRING);
      operators.put("Numeric" + test, Operand.NUMBER);
      operators.put("Timestamp" + test, Operand.TIMESTAMP);
      for (String family : List.of("String", "Numeric", "Timestamp")) {
        operators.put(family + test + "Path", Operand.PATH);
      }
    }
    operators.put("StringMatches", Operand.STRING);
    operators.put("BooleanEquals", Operand.BOOLEAN);
    operators.put("BooleanEqualsPath", Operand.PATH);
    for (String test :
        List.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp")) {
      operators.put(test, Operand.TYPE_TEST);
    }
    operators.put("And", Operand.RULES);
    operators.put("Or", Operand.RULES);
    operators.put("Not", Operand.RULE);
    return Collections.unmodifiableMap(operators);
  }
}
