package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Machines and states written in JSONata. */
class ValidatorJsonataTest {

  @Test
  void jsonataMachine_usingEachStateType_isValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Get", "States": {
          "Get": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
                  "Output": "{% $states.result.Payload %}", "Assign": {"seen": "{% $now() %}"},
                  "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops",
                             "Output": "{% $states.errorOutput %}"}],
                  "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Pick"},
          "Pick": {"Type": "Choice", "Default": "Done",
                   "Choices": [{"Condition": "{% $states.input.n > 1 %}", "Next": "Oops"}]},
          "Oops": {"Type": "Fail", "Error": "Failed", "Cause": "{% $string($states.input) %}"},
          "Done": {"Type": "Succeed", "Output": {"a.$": "kept as a literal key"}}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void dollarKey_inArguments_isJsonPathKeyInJsonata() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true,
                "Arguments": {"nested": [{"id.$": "$.id"}]}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/T/Arguments/nested/0/id.$", 3, 35, "jsonpath-key-in-jsonata"));
  }

  @Test
  void argumentsNumber_isInvalidType() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "Arguments": 5, "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/T/Arguments", 2, 59, "invalid-type"));
  }

  @Test
  void jsonataOnlyFields_inJsonPathMachine_areReportedOncePerField() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "Arguments": {"a.$": "$.a"}, "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/Arguments", 2, 46, "jsonata-only-field"));
  }
}
