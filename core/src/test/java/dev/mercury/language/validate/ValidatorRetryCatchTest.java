package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Retriers and catchers of Task, Parallel and Map states. */
class ValidatorRetryCatchTest {

  /** A Task state whose Retry (or Catch) is the given JSON, on line 3 from column 5. */
  private static String taskWith(String field, String value) {
    return """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "Next": "H", "%s":
            %s},
          "H": {"Type": "Succeed"}
        }}
        """
        .formatted(field, value);
  }

  @Test
  void fullRetrierAndCatchers_areValid() {
    String retry =
        "[{\"ErrorEquals\": [\"Timeout\"], \"IntervalSeconds\": 2, \"MaxAttempts\": 0,"
            + " \"BackoffRate\": 1.5, \"MaxDelaySeconds\": 10, \"JitterStrategy\": \"FULL\","
            + " \"Comment\": \"c\"}, {\"ErrorEquals\": [\"States.ALL\"]}]";
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true, "Retry": %s,
                "Catch": [{"ErrorEquals": ["A", "B"], "Next": "H", "ResultPath": "$.error"},
                          {"ErrorEquals": ["States.ALL"], "Next": "H", "ResultPath": null,
                           "Assign": {"failed": true}}]},
          "H": {"Type": "Succeed"}
        }}
        """
            .formatted(retry);

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void retry_notAnArray_isInvalidType() {
    assertThat(placed(taskWith("Retry", "{\"ErrorEquals\": [\"X\"]}")))
        .containsExactly(tuple("/States/T/Retry", 3, 5, "invalid-type"));
  }

  @Test
  void retrier_notAnObject_isInvalidType() {
    Diagnostic diagnostic = only(taskWith("Retry", "[\"States.ALL\"]"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/Retry/0", 3, 6, "invalid-type");
    assertThat(diagnostic.message())
        .startsWith("Retrier 1 of state 'T': a retrier must be an object");
  }

  @Test
  void errorEquals_missing_isMissingFieldAtTheRetrier() {
    assertThat(placed(taskWith("Retry", "[{\"MaxAttempts\": 1}]")))
        .containsExactly(tuple("/States/T/Retry/0/ErrorEquals", 3, 6, "missing-field"));
  }

  @Test
  void errorEquals_empty_isEmptyArray() {
    assertThat(placed(taskWith("Retry", "[{\"ErrorEquals\": []}]")))
        .containsExactly(tuple("/States/T/Retry/0/ErrorEquals", 3, 22, "empty-array"));
  }

  @Test
  void errorEquals_withNonString_isInvalidType() {
    assertThat(placed(taskWith("Retry", "[{\"ErrorEquals\": [\"A\", 5]}]")))
        .containsExactly(tuple("/States/T/Retry/0/ErrorEquals/1", 3, 28, "invalid-type"));
  }

  @Test
  void statesAll_withOtherErrors_isStatesAllNotAlone() {
    Diagnostic diagnostic =
        only(taskWith("Retry", "[{\"ErrorEquals\": [\"Custom\", \"States.ALL\"]}]"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/Retry/0/ErrorEquals/1", 3, 33, "states-all-not-alone");
    assertThat(diagnostic.message())
        .isEqualTo(
            "Retrier 1 of state 'T': 'States.ALL' matches every error, so it must be alone in"
                + " 'ErrorEquals'.");
  }

  @Test
  void statesAllRetrier_notLast_isStatesAllNotLast() {
    String retry = "[{\"ErrorEquals\": [\"States.ALL\"]}, {\"ErrorEquals\": [\"X\"]}]";

    assertThat(placed(taskWith("Retry", retry)))
        .containsExactly(tuple("/States/T/Retry/0/ErrorEquals/0", 3, 23, "states-all-not-last"));
  }

  @Test
  void statesAllCatcher_notLast_isStatesAllNotLast() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true, "Catch": [
            {"ErrorEquals": ["States.ALL"], "Next": "H"},
            {"ErrorEquals": ["States.Timeout"], "Next": "H"}]},
          "H": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/Catch/0/ErrorEquals/0", 3, 22, "states-all-not-last");
    assertThat(diagnostic.message()).contains("its catcher must be the last one");
  }

  @Test
  void maxAttempts_negative_isInvalidValue() {
    assertThat(placed(taskWith("Retry", "[{\"ErrorEquals\": [\"X\"], \"MaxAttempts\": -1}]")))
        .containsExactly(tuple("/States/T/Retry/0/MaxAttempts", 3, 44, "invalid-value"));
  }

  @Test
  void intervalSeconds_zero_isInvalidValue() {
    assertThat(placed(taskWith("Retry", "[{\"ErrorEquals\": [\"X\"], \"IntervalSeconds\": 0}]")))
        .containsExactly(tuple("/States/T/Retry/0/IntervalSeconds", 3, 48, "invalid-value"));
  }

  @Test
  void backoffRate_belowOne_isInvalidValue() {
    String retry = "[{\"ErrorEquals\": [\"X\"], \"BackoffRate\": 0.5}]";

    assertThat(placed(taskWith("Retry", retry)))
        .containsExactly(tuple("/States/T/Retry/0/BackoffRate", 3, 44, "invalid-value"));
    assertThat(Validator.validate(taskWith("Retry", retry)).get(0).message())
        .isEqualTo(
            "Retrier 1 of state 'T': 'BackoffRate' must be a number at least 1, but it is the"
                + " number 0.5.");
  }

  @Test
  void maxDelaySeconds_string_isInvalidType() {
    assertThat(
            placed(taskWith("Retry", "[{\"ErrorEquals\": [\"X\"], \"MaxDelaySeconds\": \"9\"}]")))
        .containsExactly(tuple("/States/T/Retry/0/MaxDelaySeconds", 3, 48, "invalid-type"));
  }

  @Test
  void jitterStrategy_unknown_isInvalidValue() {
    String retry = "[{\"ErrorEquals\": [\"X\"], \"JitterStrategy\": \"PARTIAL\"}]";

    assertThat(placed(taskWith("Retry", retry)))
        .containsExactly(tuple("/States/T/Retry/0/JitterStrategy", 3, 47, "invalid-value"));
  }

  @Test
  void retrier_misspelledField_suggestsTheRightOne() {
    String retry = "[{\"ErrorEquals\": [\"X\"], \"MaxAttempt\": 2}]";

    Diagnostic unknown =
        Validator.validate(taskWith("Retry", retry)).stream()
            .filter(d -> d.code().equals("unknown-field"))
            .findFirst()
            .orElseThrow();

    assertThat(unknown.pointer()).isEqualTo("/States/T/Retry/0/MaxAttempt");
    assertThat(unknown.message())
        .isEqualTo(
            "Retrier 1 of state 'T': 'MaxAttempt' is not a field of a retrier; did you mean"
                + " 'MaxAttempts'?");
  }

  @Test
  void catcher_withoutNext_isMissingField() {
    assertThat(placed(taskWith("Catch", "[{\"ErrorEquals\": [\"X\"]}]")))
        .containsExactly(tuple("/States/T/Catch/0/Next", 3, 6, "missing-field"));
  }

  @Test
  void catcherResultPath_intoContext_isInvalidReferencePath() {
    String json =
        taskWith(
            "Catch", "[{\"ErrorEquals\": [\"X\"], \"Next\": \"H\", \"ResultPath\": \"$$.e\"}]");

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/Catch/0/ResultPath", 3, 56, "invalid-reference-path");
    assertThat(diagnostic.message()).contains("starts with '$$'");
  }

  @Test
  void jsonPathCatcher_withOutput_isUnknownField() {
    String json =
        taskWith("Catch", "[{\"ErrorEquals\": [\"X\"], \"Next\": \"H\", \"Output\": {}}]");

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/Catch/0/Output", 3, 42, "unknown-field"));
  }

  @Test
  void jsonataCatcher_withResultPath_isUnknownField() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true, "Catch": [
            {"ErrorEquals": ["States.ALL"], "Next": "H", "ResultPath": "$.e"}]},
          "H": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/Catch/0/ResultPath", 3, 50, "unknown-field"));
  }
}
