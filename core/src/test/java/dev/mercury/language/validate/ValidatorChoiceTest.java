package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Choice states and their rules, in JSONPath and in JSONata. */
class ValidatorChoiceTest {

  /** A Choice state whose one rule is the given JSON, on line 3 from column 5. */
  private static String choiceWith(String rule) {
    return """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Choices": [
            %s
          ]},
          "D": {"Type": "Succeed"}
        }}
        """
        .formatted(rule);
  }

  @Test
  void everyKindOfRule_isValid() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Choices": [
            {"Variable": "$.s", "StringMatches": "log-*.txt", "Next": "D"},
            {"Variable": "$.n", "NumericLessThanEquals": 2.5, "Next": "D"},
            {"Variable": "$.b", "BooleanEqualsPath": "$.other", "Next": "D"},
            {"Variable": "$.t", "TimestampGreaterThan": "2024-01-01T00:00:00Z", "Next": "D"},
            {"Variable": "$myVar", "IsTimestamp": false, "Next": "D"},
            {"And": [{"Variable": "$.a", "IsPresent": true},
                     {"Not": {"Variable": "$.a", "IsNull": true}}],
             "Next": "D", "Comment": "ok"}
          ]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void choices_missing_isMissingField() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D"},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/C/Choices", 2, 8, "missing-field"));
  }

  @Test
  void choices_empty_isEmptyArray() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [], "Default": "D"},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/C/Choices", 2, 38, "empty-array"));
  }

  @Test
  void rule_notAnObject_isInvalidType() {
    assertThat(placed(choiceWith("\"$.x\"")))
        .containsExactly(tuple("/States/C/Choices/0", 3, 5, "invalid-type"));
  }

  @Test
  void topLevelRule_withoutNext_isMissingFieldAtTheRule() {
    Diagnostic diagnostic = only(choiceWith("{\"Variable\": \"$.x\", \"IsNull\": true}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0/Next", 3, 5, "missing-field");
    assertThat(diagnostic.message()).startsWith("Choice rule 1 of state 'C': 'Next' is required");
  }

  @Test
  void nestedRule_withNext_isMisplacedField() {
    String rule =
        "{\"Not\": {\"Variable\": \"$.x\", \"IsNull\": true, \"Next\": \"D\"}, \"Next\": \"D\"}";

    Diagnostic diagnostic = only(choiceWith(rule));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0/Not/Next", 3, 49, "misplaced-field");
    assertThat(diagnostic.message()).contains("only in a top-level rule");
  }

  @Test
  void nestedRule_withAssign_isMisplacedField() {
    String rule =
        "{\"And\": [{\"Variable\": \"$.x\", \"IsNull\": true, \"Assign\": {}}], \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(tuple("/States/C/Choices/0/And/0/Assign", 3, 50, "misplaced-field"));
  }

  @Test
  void rule_withoutComparison_isMissingComparison() {
    Diagnostic diagnostic = only(choiceWith("{\"Variable\": \"$.x\", \"Next\": \"D\"}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0", 3, 5, "missing-comparison");
  }

  @Test
  void rule_withTwoComparisons_isMultipleComparisonsAtTheSecond() {
    String rule =
        "{\"Variable\": \"$.x\", \"IsString\": true, \"StringEquals\": \"a\", \"Next\": \"D\"}";

    Diagnostic diagnostic = only(choiceWith(rule));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0/StringEquals", 3, 43, "multiple-comparisons");
    assertThat(diagnostic.message()).contains("both 'IsString' and 'StringEquals'");
  }

  @Test
  void stringComparison_withNumber_isInvalidType() {
    assertThat(placed(choiceWith("{\"Variable\": \"$.x\", \"StringEquals\": 5, \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/StringEquals", 3, 41, "invalid-type"));
  }

  @Test
  void numericComparison_withString_isInvalidType() {
    String rule = "{\"Variable\": \"$.x\", \"NumericGreaterThan\": \"5\", \"Next\": \"D\"}";

    assertThat(only(choiceWith(rule)).message())
        .isEqualTo(
            "Choice rule 1 of state 'C': 'NumericGreaterThan' must be a number, but it is the"
                + " string \"5\".");
  }

  @Test
  void booleanEquals_withString_isInvalidType() {
    assertThat(
            placed(
                choiceWith(
                    "{\"Variable\": \"$.x\", \"BooleanEquals\": \"true\", \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/BooleanEquals", 3, 42, "invalid-type"));
  }

  @Test
  void typeTest_withString_isInvalidType() {
    assertThat(
            placed(choiceWith("{\"Variable\": \"$.x\", \"IsPresent\": \"yes\", \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/IsPresent", 3, 38, "invalid-type"));
  }

  @Test
  void timestampComparison_withBadTimestamp_isInvalidTimestamp() {
    String rule = "{\"Variable\": \"$.x\", \"TimestampEquals\": \"2024-01-01\", \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(tuple("/States/C/Choices/0/TimestampEquals", 3, 44, "invalid-timestamp"));
  }

  @Test
  void pathComparison_withBadPath_isInvalidPath() {
    String rule = "{\"Variable\": \"$.x\", \"StringEqualsPath\": \"other\", \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(tuple("/States/C/Choices/0/StringEqualsPath", 3, 45, "invalid-path"));
  }

  @Test
  void comparison_withoutVariable_isMissingField() {
    Diagnostic diagnostic = only(choiceWith("{\"NumericEquals\": 1, \"Next\": \"D\"}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0/Variable", 3, 5, "missing-field");
    assertThat(diagnostic.message()).contains("to say which value 'NumericEquals' compares");
  }

  @Test
  void variable_notAPath_isInvalidPath() {
    assertThat(placed(choiceWith("{\"Variable\": \"x\", \"IsNull\": true, \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/Variable", 3, 18, "invalid-path"));
  }

  @Test
  void and_empty_isEmptyArray() {
    assertThat(placed(choiceWith("{\"And\": [], \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/And", 3, 13, "empty-array"));
  }

  @Test
  void or_notAnArray_isInvalidType() {
    assertThat(
            placed(
                choiceWith("{\"Or\": {\"Variable\": \"$.x\", \"IsNull\": true}, \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/Or", 3, 12, "invalid-type"));
  }

  @Test
  void not_anArray_isInvalidType() {
    assertThat(placed(choiceWith("{\"Not\": [], \"Next\": \"D\"}")))
        .containsExactly(tuple("/States/C/Choices/0/Not", 3, 13, "invalid-type"));
  }

  @Test
  void and_withVariable_isMisplacedField() {
    String rule =
        "{\"Variable\": \"$.x\", \"And\": [{\"Variable\": \"$.x\", \"IsNull\": true}], \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(tuple("/States/C/Choices/0/Variable", 3, 6, "misplaced-field"));
  }

  @Test
  void ruleInsideNot_isCheckedLikeAnyRule() {
    String rule = "{\"Not\": {\"Variable\": \"$.x\", \"NumericEquals\": \"1\"}, \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(tuple("/States/C/Choices/0/Not/NumericEquals", 3, 50, "invalid-type"));
  }

  @Test
  void misspelledVariable_isUnknownFieldWithSuggestion() {
    String rule = "{\"Varible\": \"$.x\", \"IsNull\": true, \"Next\": \"D\"}";

    assertThat(placed(choiceWith(rule)))
        .containsExactly(
            tuple("/States/C/Choices/0/Variable", 3, 5, "missing-field"),
            tuple("/States/C/Choices/0/Varible", 3, 6, "unknown-field"));
    assertThat(Validator.validate(choiceWith(rule)).get(1).message())
        .endsWith("did you mean 'Variable'?");
  }

  @Test
  void jsonataRule_withCondition_isValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Output": {"x": 1}, "Choices": [
            {"Condition": "{% $states.input.ready %}", "Next": "D", "Assign": {"seen": true}},
            {"Condition": false, "Next": "D", "Output": "{% 1 %}"}
          ]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataRule_withoutCondition_isMissingField() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Choices": [{"Next": "D"}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/C/Choices/0/Condition", 2, 55, "missing-field"));
  }

  @Test
  void jsonataRule_conditionNumber_isInvalidType() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Choices": [{"Condition": 1, "Next": "D"}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/C/Choices/0/Condition", 2, 69, "invalid-type"));
  }

  @Test
  void jsonataRule_withJsonPathComparison_isJsonPathOnlyField() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D", "Choices": [
            {"Condition": true, "StringEquals": "x", "Next": "D"}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/C/Choices/0/StringEquals", 3, 25, "jsonpath-only-field");
    assertThat(diagnostic.message()).contains("write the test as a 'Condition'");
  }
}
