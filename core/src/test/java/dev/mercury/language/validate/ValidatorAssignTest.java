package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Assign: variable names, and in JSONPath states the paths its values take. */
class ValidatorAssignTest {

  /** A Pass state whose Assign is the given object, starting on line 2 at column 35. */
  private static String assign(String object) {
    return """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": %s, "End": true}
        }}
        """
        .formatted(object);
  }

  @Test
  void names_lettersDigitsUnderscoresAndUnicode_areValid() {
    String object =
        "{\"count\": 1, \"_private\": 2, \"item2\": 3, \"prénom\": \"x\", \"fromInput.$\": \"$.a\","
            + " \"fromVar.$\": \"$count\", \"formatted.$\": \"States.Format('{}', $count)\"}";

    assertThat(Validator.validate(assign(object))).isEmpty();
  }

  @Test
  void name_states_isReservedVariable() {
    Diagnostic diagnostic = only(assign("{\"states\": 1}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Assign/states", 2, 36, "reserved-variable");
  }

  @Test
  void name_withHyphen_isInvalidVariableName() {
    Diagnostic diagnostic = only(assign("{\"my-var\": 1}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Assign/my-var", 2, 36, "invalid-variable-name");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'A': 'my-var' is not a valid variable name: it may hold only letters, digits"
                + " and '_', not '-'.");
  }

  @Test
  void name_startingWithDigit_isInvalidVariableName() {
    assertThat(placed(assign("{\"1st\": 1}")))
        .containsExactly(tuple("/States/A/Assign/1st", 2, 36, "invalid-variable-name"));
  }

  @Test
  void name_over80Characters_isInvalidVariableName() {
    String name = "v".repeat(81);

    assertThat(placed(assign("{\"" + name + "\": 1}")))
        .containsExactly(tuple("/States/A/Assign/" + name, 2, 36, "invalid-variable-name"));
  }

  @Test
  void nameWithDollarSuffix_isCheckedWithoutTheSuffix() {
    assertThat(placed(assign("{\"states.$\": \"$.a\"}")))
        .containsExactly(tuple("/States/A/Assign/states.$", 2, 36, "reserved-variable"));
  }

  @Test
  void dollarValue_badPath_isInvalidPath() {
    assertThat(placed(assign("{\"x.$\": \"$.a[\"}")))
        .containsExactly(tuple("/States/A/Assign/x.$", 2, 43, "invalid-path"));
  }

  @Test
  void assign_notAnObject_isInvalidType() {
    assertThat(placed(assign("[]")))
        .containsExactly(tuple("/States/A/Assign", 2, 35, "invalid-type"));
  }

  @Test
  void assign_onSucceed_isUnknownField() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Succeed", "Assign": {"x": 1}}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Assign", 2, 28, "unknown-field"));
  }

  @Test
  void assign_inChoiceRuleAndCatcher_isChecked() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "T", "Assign": {"ok": 1}, "Choices": [
            {"Variable": "$.a", "IsNull": true, "Next": "T", "Assign": {"bad-name": 1}}]},
          "T": {"Type": "Task", "Resource": "arn:x", "End": true, "Catch": [
            {"ErrorEquals": ["States.ALL"], "Next": "F", "Assign": {"states": 1}}]},
          "F": {"Type": "Fail"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/C/Choices/0/Assign/bad-name", 3, 65, "invalid-variable-name"),
            tuple("/States/T/Catch/0/Assign/states", 5, 61, "reserved-variable"));
  }

  @Test
  void jsonataAssign_withDollarSuffix_isJsonPathKeyInJsonata() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"x.$": "$.a", "y": "{% $states.input.y %}"}, "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Assign/x.$", 2, 36, "jsonpath-key-in-jsonata");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'A': 'x.$' ends in '.$', which marks a path only in JSONPath states; this state"
                + " uses JSONata, so name the field 'x' and write its value as \"{% ... %}\".");
  }

  @Test
  void scope_mapStateAssigningAnOuterVariable_isVariableInOuterScope() {
    String json =
        """
        {"StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"total": 0}, "Next": "M"},
          "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "In", "States": {
            "In": {"Type": "Pass", "Assign": {"total.$": "$"}, "End": true}}}}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::code)
        .containsExactly(
            "/States/M/ItemProcessor/States/In/Assign/total.$", "variable-in-outer-scope");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'In': 'total' is assigned in an outer scope too, at /States/Set/Assign/total;"
                + " AWS does not let the states inside a Map or Parallel state assign a variable an"
                + " enclosing scope assigns.");
  }

  @Test
  void scope_branchRuleAssigningWhatTheParallelAssigns_isVariableInOuterScope() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Assign": {"failed": true},
            "Branches": [{"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true,
                "Assign": {"failed": false}, "Next": "E"}], "Default": "E"},
              "E": {"Type": "Succeed"}}}]}
        }}
        """;

    assertThat(placed(json))
        .extracting(t -> t.toList().get(0), t -> t.toList().get(3))
        .containsExactly(
            tuple(
                "/States/P/Branches/0/States/C/Choices/0/Assign/failed",
                "variable-in-outer-scope"));
  }

  @Test
  void scope_branchAssigningWhatTheParallelsCatcherAssigns_isValidAsAwsAcceptsIt() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true,
            "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"inputVar": 1}, "Next": "D"}],
            "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass",
              "Assign": {"inputVar": 2}, "End": true}}}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void scope_nestedMapAssigningWhatItsEnclosingIterationAssigns_isVariableInOuterScope() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Outer", "States": {
          "Outer": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Mine", "States": {
            "Mine": {"Type": "Pass", "Assign": {"mine": 1}, "Next": "Inner"},
            "Inner": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Deep", "States": {
              "Deep": {"Type": "Pass", "Assign": {"mine": 2}, "End": true}}}}}}}
        }}
        """;

    assertThat(placed(json))
        .extracting(t -> t.toList().get(3))
        .containsExactly("variable-in-outer-scope");
  }

  @Test
  void scope_siblingBranchesAndIterations_mayAssignTheSameName() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Assign": {"after": 1}, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": 1}, "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"x": 2}, "End": true}}}]}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void scope_innerStatesReadingOuterVariables_isValid() {
    String json =
        """
        {"StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"x": 1}, "Next": "M"},
          "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "In", "States": {
            "In": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "Assign": {"y.$": "$x"},
              "End": true}}}}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }
}
