package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Fail states: Error and Cause, each given directly or through a path or intrinsic. */
class ValidatorFailTest {

  private static String failWith(String fields) {
    return """
        {"StartAt": "F", "States": {
          "F": {"Type": "Fail", %s}
        }}
        """
        .formatted(fields);
  }

  @Test
  void errorAndErrorPath_together_areExclusive() {
    assertThat(placed(failWith("\"Error\": \"E\", \"ErrorPath\": \"$.e\"")))
        .containsExactly(tuple("/States/F/ErrorPath", 2, 39, "exclusive-fields"));
  }

  @Test
  void causeAndCausePath_together_areExclusive() {
    assertThat(placed(failWith("\"CausePath\": \"$.c\", \"Cause\": \"C\"")))
        .containsExactly(tuple("/States/F/CausePath", 2, 25, "exclusive-fields"));
  }

  @Test
  void causePath_intrinsicFunction_isValid() {
    String fields =
        "\"ErrorPath\": \"$$.State.Name\", \"CausePath\": \"States.Format('at {}', $.x)\"";

    assertThat(Validator.validate(failWith(fields))).isEmpty();
  }

  @Test
  void errorPath_brokenPath_isInvalidPath() {
    assertThat(placed(failWith("\"ErrorPath\": \"$.a[\"")))
        .containsExactly(tuple("/States/F/ErrorPath", 2, 38, "invalid-path"));
  }

  @Test
  void errorPath_plainText_isInvalidPath() {
    assertThat(placed(failWith("\"ErrorPath\": \"MyError\"")))
        .containsExactly(tuple("/States/F/ErrorPath", 2, 38, "invalid-path"));
  }

  @Test
  void causePath_unknownIntrinsic_isInvalidIntrinsic() {
    assertThat(placed(failWith("\"CausePath\": \"States.Concat($.a, $.b)\"")))
        .containsExactly(tuple("/States/F/CausePath", 2, 38, "invalid-intrinsic"));
  }

  @Test
  void error_number_isInvalidType() {
    assertThat(placed(failWith("\"Error\": 500")))
        .containsExactly(tuple("/States/F/Error", 2, 34, "invalid-type"));
  }

  @Test
  void fail_withNext_isUnknownField() {
    assertThat(placed(failWith("\"Next\": \"F\"")))
        .containsExactly(tuple("/States/F/Next", 2, 25, "unknown-field"));
  }

  @Test
  void jsonataFail_errorPath_isJsonPathOnly() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "F", "States": {
          "F": {"Type": "Fail", "ErrorPath": "$.e", "Cause": "{% $states.input.why %}"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/F/ErrorPath", 2, 25, "jsonpath-only-field"));
  }
}
