package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Reading the definition text: syntax errors, repeated keys, and where diagnostics point. */
class ValidatorJsonTest {

  @Test
  void syntaxError_trailingComma_isOneInvalidJsonAtJacksonsLocation() {
    Diagnostic diagnostic = only("{\"StartAt\": \"A\",}");

    assertThat(diagnostic.pointer()).isEmpty();
    assertThat(diagnostic.line()).isEqualTo(1);
    assertThat(diagnostic.column()).isEqualTo(17);
    assertThat(diagnostic.code()).isEqualTo("invalid-json");
    assertThat(diagnostic.message())
        .startsWith("The definition is not valid JSON: Unexpected character ('}'");
  }

  @Test
  void syntaxError_onLaterLine_reportsThatLine() {
    String json =
        """
        {"StartAt": "A",
         "States": {
           "A": {"Type": "Pass" "End": true}
         }}
        """;

    assertThat(placed(json)).containsExactly(tuple("", 3, 25, "invalid-json"));
  }

  @Test
  void syntaxError_unclosedObject_namesWhereItOpenedWithoutQuotingTheSource() {
    Diagnostic diagnostic = only("{\"StartAt\": \"A\",\n \"States\": {}\n");

    assertThat(diagnostic.code()).isEqualTo("invalid-json");
    assertThat(diagnostic.line()).isEqualTo(3);
    assertThat(diagnostic.message())
        .contains("expected close marker for Object (start marker at line 1, column 1)")
        .doesNotContain("Source");
  }

  @Test
  void emptyText_isInvalidJson() {
    Diagnostic diagnostic = only("   ");

    assertThat(diagnostic.code()).isEqualTo("invalid-json");
    assertThat(diagnostic.message()).contains("empty");
  }

  @Test
  void textAfterTheDefinition_isInvalidJsonWhereItStarts() {
    assertThat(placed("{} {}")).containsExactly(tuple("", 1, 4, "invalid-json"));
  }

  @Test
  void definition_notAnObject_isInvalidType() {
    assertThat(placed("[1, 2]")).containsExactly(tuple("", 1, 1, "invalid-type"));
  }

  @Test
  void duplicateKey_atTopLevel_isReportedAtTheSecondKey() {
    String json =
        """
        {"StartAt": "A",
         "States": {"A": {"Type": "Succeed"}},
         "StartAt": "A"}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/StartAt", 3, 2, "duplicate-key");
    assertThat(diagnostic.message()).contains("'StartAt'").contains("only the last one counts");
  }

  @Test
  void duplicateKey_insideAState_isReportedWithItsPointer() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "End": true, "Type": "Pass"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Type", 2, 38, "duplicate-key"));
  }

  @Test
  void missingField_isPlacedAtTheStartOfTheObjectThatLacksIt() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Type", 2, 8, "missing-field"));
  }

  @Test
  void unknownField_isPlacedAtItsKey() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Succeed",
                "Note": "hi"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Note", 3, 9, "unknown-field"));
  }

  @Test
  void wrongValue_isPlacedAtTheValue() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Wait", "Seconds":
                  -1, "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/A/Seconds", 3, 11, "invalid-value"));
  }

  @Test
  void pointer_ofStateNameWithSlashAndTilde_isEscaped() {
    String json =
        """
        {"StartAt": "a/b~c", "States": {
          "a/b~c": {"Type": "Pass", "End": 1}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/a~1b~0c/End", 2, 36, "invalid-type"));
  }

  @Test
  void diagnostics_areSortedByLineThenColumn() {
    String json =
        """
        {"StartAt": "A", "States": {
          "B": {"Type": "Succeed", "Extra": 1},
          "A": {"Type": "Pass", "Nope": 1, "End": true}
        }, "Bogus": 1}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/B", 2, 8, "unreachable-state"),
            tuple("/States/B/Extra", 2, 28, "unknown-field"),
            tuple("/States/A/Nope", 3, 25, "unknown-field"),
            tuple("/Bogus", 4, 4, "unknown-field"));
  }
}
