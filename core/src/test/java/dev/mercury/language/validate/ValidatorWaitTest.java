package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wait states: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
class ValidatorWaitTest {

  private static String waitWith(String fields) {
    return """
        {"StartAt": "W", "States": {
          "W": {"Type": "Wait", %s, "End": true}
        }}
        """
        .formatted(fields);
  }

  @Test
  void noWaitTime_isMissingFieldAtTheState() {
    String json =
        """
        {"StartAt": "W", "States": {
          "W": {"Type": "Wait", "End": true}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/W", 2, 8, "missing-field");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'W': a Wait state needs one of 'Seconds', 'SecondsPath', 'Timestamp',"
                + " 'TimestampPath' to say how long to wait.");
  }

  @Test
  void secondsAndTimestampPath_together_areExclusive() {
    String json = waitWith("\"Seconds\": 5, \"TimestampPath\": \"$.at\"");

    assertThat(placed(json))
        .containsExactly(tuple("/States/W/TimestampPath", 2, 39, "exclusive-fields"));
  }

  @Test
  void seconds_zero_isValid() {
    assertThat(Validator.validate(waitWith("\"Seconds\": 0"))).isEmpty();
  }

  @Test
  void seconds_negative_isInvalidValue() {
    assertThat(placed(waitWith("\"Seconds\": -5")))
        .containsExactly(tuple("/States/W/Seconds", 2, 36, "invalid-value"));
  }

  @Test
  void seconds_fraction_isInvalidValue() {
    assertThat(only(waitWith("\"Seconds\": 1.5")).message())
        .isEqualTo(
            "State 'W': 'Seconds' must be an integer of 0 or more, but it is the number 1.5.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-03-14T01:59:00Z",
        "2016-03-14T01:59:00.123Z",
        "2016-03-05T21:29:29.243167252Z",
        "2016-03-14T01:59:00+02:00",
        "2016-03-14T01:59:00.1234567891234-05:30"
      })
  void timestamp_rfc3339_isValid(String timestamp) {
    assertThat(Validator.validate(waitWith("\"Timestamp\": \"" + timestamp + "\""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-03-14 01:59:00Z",
        "2016-03-14t01:59:00Z",
        "2016-03-14T01:59:00z",
        "2016-03-14T01:59:00",
        "2016-03-14T01:59Z",
        "2016-13-14T01:59:00Z",
        "2016-02-30T01:59:00Z",
        "yesterday"
      })
  void timestamp_notRfc3339_isInvalidTimestamp(String timestamp) {
    assertThat(placed(waitWith("\"Timestamp\": \"" + timestamp + "\"")))
        .containsExactly(tuple("/States/W/Timestamp", 2, 38, "invalid-timestamp"));
  }

  @Test
  void secondsPath_invalid_isInvalidPath() {
    assertThat(placed(waitWith("\"SecondsPath\": \"$.a..\"")))
        .containsExactly(tuple("/States/W/SecondsPath", 2, 40, "invalid-path"));
  }

  @Test
  void jsonataWait_secondsExpression_isValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
          "W": {"Type": "Wait", "Seconds": "{% $states.input.delay %}", "End": true}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataWait_literalTimestamp_isStillChecked() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
          "W": {"Type": "Wait", "Timestamp": "tomorrow", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/W/Timestamp", 2, 38, "invalid-timestamp"));
  }

  @Test
  void jsonataWait_secondsPath_isJsonPathOnlyAndNotCountedAsAWaitTime() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
          "W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/W", 2, 8, "missing-field"),
            tuple("/States/W/SecondsPath", 2, 25, "jsonpath-only-field"));
  }
}
