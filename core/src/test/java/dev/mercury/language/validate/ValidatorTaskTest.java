package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Task states: Resource, timeouts and credentials. */
class ValidatorTaskTest {

  @Test
  void resource_missing_isMissingField() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/T/Resource", 2, 8, "missing-field"));
  }

  @Test
  void resource_notAString_isInvalidType() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": {"arn": "x"}, "End": true}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/T/Resource", 2, 37, "invalid-type"));
  }

  @Test
  void timeoutSeconds_zero_isInvalidValue() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 0, "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/TimeoutSeconds", 2, 64, "invalid-value"));
  }

  @Test
  void timeoutSeconds_string_isInvalidType() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": "30", "End": true}
        }}
        """;

    assertThat(only(json).message())
        .isEqualTo(
            "State 'T': 'TimeoutSeconds' must be a positive integer, but it is the string \"30\".");
  }

  @Test
  void timeoutSeconds_beyondAwsLimit_isInvalidValue() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 100000000, "End": true}
        }}
        """;

    assertThat(only(json).message()).contains("must be at most 99999999");
  }

  @Test
  void timeoutSecondsAndItsPath_together_areExclusive() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 30,
                "TimeoutSecondsPath": "$.timeout", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/TimeoutSecondsPath", 3, 9, "exclusive-fields"));
  }

  @Test
  void heartbeatSecondsAndItsPath_together_areExclusive() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "HeartbeatSecondsPath": "$.beat",
                "HeartbeatSeconds": 10, "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/HeartbeatSecondsPath", 2, 46, "exclusive-fields"));
  }

  @Test
  void heartbeat_notBelowTimeout_isInvalidHeartbeat() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 30,
                "HeartbeatSeconds": 30, "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/HeartbeatSeconds", 3, 29, "invalid-heartbeat");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'T': 'HeartbeatSeconds' (30) must be smaller than 'TimeoutSeconds' (30).");
  }

  @Test
  void heartbeat_belowTimeout_isValid() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 30,
                "HeartbeatSeconds": 10, "End": true}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void timeoutSecondsPath_invalidPath_isInvalidPath() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSecondsPath": "timeout", "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/T/TimeoutSecondsPath", 2, 68, "invalid-path");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'T': 'TimeoutSecondsPath' is not a valid path: a path must start with '$'.");
  }

  @Test
  void timeoutSecondsPath_fromVariable_isValid() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSecondsPath": "$timeout", "End": true}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataTimeouts_asExpressions_areValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": "{% $t %}",
                "HeartbeatSeconds": "{% $h %}", "Arguments": "{% $states.input %}", "End": true}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataTimeout_asPlainString_isInvalidType() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": "30", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/TimeoutSeconds", 2, 64, "invalid-type"));
  }

  @Test
  void credentials_withInvalidPath_isInvalidPath() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true,
                "Credentials": {"RoleArn.$": "$.role["}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/Credentials/RoleArn.$", 3, 38, "invalid-path"));
  }
}
