package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Parallel states and their branches. */
class ValidatorParallelTest {

  @Test
  void branches_missing_isMissingField() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/P/Branches", 2, 8, "missing-field"));
  }

  @Test
  void branches_empty_isEmptyArray() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Branches": [], "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/P/Branches", 2, 41, "empty-array"));
  }

  @Test
  void branch_notAnObject_isInvalidType() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Branches": ["A"], "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/P/Branches/0", 2, 42, "invalid-type"));
  }

  @Test
  void branch_withoutStartAt_isMissingFieldAtTheBranch() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"States": {"A": {"Type": "Succeed"}}}]}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/P/Branches/0/StartAt", 3, 5, "missing-field"));
    assertThat(Validator.validate(json).get(0).message())
        .startsWith("Branch 1 of state 'P': 'StartAt' is required");
  }

  @Test
  void branch_unknownField_isUnknownField() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "End": true}]}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/P/Branches/0/End", 3, 60, "unknown-field"));
  }

  @Test
  void branches_ofJsonataParallel_withArgumentsAndOutput_areValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Arguments": {"x": "{% $states.input.x %}"},
                "Output": "{% $states.result[0] %}", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataParallel_argumentsNumber_isInvalidType() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Arguments": 1, "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/P/Arguments", 2, 42, "invalid-type"));
  }
}
