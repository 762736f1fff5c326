package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Each state's Type, its names, and which fields its type has in its query language. */
class ValidatorStateFieldsTest {

  @Test
  void type_missing_isMissingFieldListingTheTypes() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Next": "B"},
          "B": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Type", 2, 8, "missing-field");
    assertThat(diagnostic.message())
        .contains("Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map");
  }

  @Test
  void type_misspelled_isUnknownStateTypeWithSuggestion() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Taks", "Resource": "arn:x", "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Type", 2, 17, "unknown-state-type");
    assertThat(diagnostic.message())
        .isEqualTo("State 'A': 'Taks' is not a state type; did you mean 'Task'?");
  }

  @Test
  void type_notAString_isInvalidType() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": ["Pass"], "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Type", 2, 17, "invalid-type"));
  }

  @Test
  void state_notAnObject_isInvalidType() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": "Pass"
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A", 2, 8, "invalid-type"));
  }

  @Test
  void unknownField_closeToNext_suggestsNext() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Nxt": "B", "End": true},
          "B": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/A/Nxt", 2, 25, "unknown-field"),
            tuple("/States/B", 3, 8, "unreachable-state"));
    assertThat(Validator.validate(json).get(0).message())
        .isEqualTo("State 'A': 'Nxt' is not a field of a Pass state; did you mean 'Next'?");
  }

  @Test
  void fieldOfAnotherType_onPass_isUnknownField() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Retry": [], "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Retry", 2, 25, "unknown-field"));
  }

  @Test
  void next_onChoice_explainsHowChoiceMovesOn() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "B"}],
                "Next": "B"},
          "B": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Next", 3, 9, "unknown-field");
    assertThat(diagnostic.message()).contains("moves on through its 'Choices' and 'Default'");
  }

  @Test
  void end_onSucceed_explainsThatItEndsByItself() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Succeed", "End": true}
        }}
        """;

    assertThat(only(json).message())
        .isEqualTo(
            "State 'A': 'End' is not a field of a Succeed state; Succeed and Fail states always end"
                + " their execution or branch.");
  }

  @Test
  void jsonPathField_inJsonataState_suggestsTheJsonataField() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:x",
                "Parameters": {"a": 1}, "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Parameters", 3, 9, "jsonpath-only-field");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'A': 'Parameters' is a JSONPath field, and this state uses JSONata; use"
                + " 'Arguments' instead.");
  }

  @Test
  void parameters_inJsonataMap_suggestsItemSelector() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Parameters": {}, "End": true,
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(only(json).message()).endsWith("use 'ItemSelector' instead.");
  }

  @Test
  void pathField_inJsonataState_suggestsAnExpression() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "arn:x", "TimeoutSecondsPath": "$.t", "End": true}
        }}
        """;

    assertThat(only(json).message())
        .endsWith("give 'TimeoutSeconds' a JSONata expression \"{% ... %}\" instead.");
  }

  @Test
  void jsonataField_inJsonPathState_isJsonataOnlyField() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Output": {"a": 1}, "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Output", 2, 25, "jsonata-only-field");
    assertThat(diagnostic.message()).contains("set \"QueryLanguage\": \"JSONata\"");
  }

  @Test
  void comment_number_isInvalidType() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Succeed", "Comment": 5}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Comment", 2, 39, "invalid-type"));
  }

  @Test
  void stateName_81Characters_isInvalidStateName() {
    String name = "S".repeat(81);
    String json =
        """
        {"StartAt": "%s", "States": {
          "%s": {"Type": "Succeed"}
        }}
        """
            .formatted(name, name);

    assertThat(placed(json)).containsExactly(tuple("/States/" + name, 2, 3, "invalid-state-name"));
  }

  @Test
  void stateName_80Characters_isValid() {
    String name = "S".repeat(80);
    String json =
        "{\"StartAt\": \"%s\", \"States\": {\"%s\": {\"Type\": \"Succeed\"}}}"
            .formatted(name, name);

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void stateName_repeatedInsideABranch_isDuplicateStateName() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
          ]}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Branches/0/States/A", 3, 33, "duplicate-state-name");
    assertThat(diagnostic.message()).contains("another state at /States/A already has this name");
  }

  @Test
  void stateInJsonata_insideJsonPathMachine_isValid() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}",
                "Next": "B"},
          "B": {"Type": "Pass", "OutputPath": "$.a", "End": true}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonPathState_insideJsonataMachine_isInvalidQueryLanguage() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/QueryLanguage", 2, 42, "invalid-query-language");
    assertThat(diagnostic.message()).contains("cannot use JSONPath");
  }

  @Test
  void stateQueryLanguage_unknown_isInvalidValue() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "QueryLanguage": "XPath", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/A/QueryLanguage", 2, 42, "invalid-value"));
  }
}
