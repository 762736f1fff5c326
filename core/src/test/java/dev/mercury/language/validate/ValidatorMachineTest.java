package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** The top level of a definition: StartAt, States and the optional fields beside them. */
class ValidatorMachineTest {

  @Test
  void minimalMachine_isValid() {
    String json =
        """
        {"Comment": "hello", "Version": "1.0", "TimeoutSeconds": 60,
         "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void startAt_missing_isMissingFieldAtTheTopObjectAndNothingIsCalledUnreachable() {
    String json = "{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

    assertThat(placed(json)).containsExactly(tuple("/StartAt", 1, 1, "missing-field"));
  }

  @Test
  void states_missing_isMissingField() {
    assertThat(placed("{\"StartAt\": \"A\"}"))
        .containsExactly(tuple("/States", 1, 1, "missing-field"));
  }

  @Test
  void states_empty_isReported() {
    assertThat(placed("{\"StartAt\": \"A\", \"States\": {}}"))
        .containsExactly(
            tuple("/StartAt", 1, 13, "missing-target"), tuple("/States", 1, 28, "missing-field"));
  }

  @Test
  void startAt_notAString_isInvalidType() {
    String json = "{\"StartAt\": 1, \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

    assertThat(placed(json)).containsExactly(tuple("/StartAt", 1, 13, "invalid-type"));
  }

  @Test
  void unknownTopLevelField_closeToAKnownOne_suggestsIt() {
    String json =
        """
        {"StartAt": "A", "States": {"A": {"Type": "Succeed"}},
         "Comments": "x"}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/Comments", 2, 2, "unknown-field");
    assertThat(diagnostic.message())
        .isEqualTo(
            "The state machine: 'Comments' is not a field of a state machine; did you mean"
                + " 'Comment'?");
  }

  @Test
  void timeoutSeconds_string_isInvalidType() {
    String json =
        """
        {"TimeoutSeconds": "60",
         "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """;

    assertThat(placed(json)).containsExactly(tuple("/TimeoutSeconds", 1, 20, "invalid-type"));
  }

  @Test
  void timeoutSeconds_zero_isInvalidValue() {
    String json =
        """
        {"TimeoutSeconds": 0,
         "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """;

    assertThat(only(json).message())
        .isEqualTo(
            "The state machine: 'TimeoutSeconds' must be a positive integer, but it is the number"
                + " 0.");
  }

  @Test
  void version_number_isInvalidType() {
    String json =
        """
        {"Version": 1.0,
         "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """;

    assertThat(placed(json)).containsExactly(tuple("/Version", 1, 13, "invalid-type"));
  }

  @Test
  void queryLanguage_wrongCase_isInvalidValueWithSuggestion() {
    String json =
        """
        {"QueryLanguage": "jsonata",
         "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic.pointer()).isEqualTo("/QueryLanguage");
    assertThat(diagnostic.code()).isEqualTo("invalid-value");
    assertThat(diagnostic.message()).endsWith("did you mean \"JSONata\"?");
  }
}
