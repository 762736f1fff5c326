package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** How a state hands over: exactly one of Next and "End": true. */
class ValidatorTransitionTest {

  @Test
  void nextAndEnd_together_isExclusiveFieldsAtEnd() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B", "End": true},
          "B": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/End", 2, 38, "exclusive-fields"));
  }

  @Test
  void neitherNextNorEnd_isMissingFieldAtTheState() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Wait", "Seconds": 1}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A", 2, 8, "missing-field");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'A': a Wait state needs 'Next' to name the state that follows, or \"End\": true"
                + " to finish.");
  }

  @Test
  void endFalse_withoutNext_isInvalidValue() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "End": false}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/End", 2, 32, "invalid-value"));
  }

  @Test
  void endFalse_besideNext_asksToRemoveIt() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B", "End": false},
          "B": {"Type": "Succeed"}
        }}
        """;

    assertThat(only(json).message()).contains("remove \"End\": false and keep 'Next'");
  }

  @Test
  void next_notAString_isInvalidType() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": 2}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Next", 2, 33, "invalid-type"));
  }
}
