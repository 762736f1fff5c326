package dev.mercury.language.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.ChoiceState;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.language.path.EvaluationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {
  private static final String INPUT =
      """
      {"s": "beta", "n": 10, "f": 2.5, "b": true, "t": "2024-05-01T10:00:00Z", "z": null,
       "other": {"s": "alpha", "n": 10, "t": "2024-05-01T12:00:00+02:00"}}""";

  private static boolean test(String rule) {
    String definition =
        "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": ["
            + rule.replace("}", ", \"Next\": \"D\"}").replaceFirst(", \"Next\": \"D\"}$", "")
            + ", \"Next\": \"D\"}]}, \"D\": {\"Type\": \"Succeed\"}}}";
    var machine = DefinitionParser.parse(definition);
    var choice = (ChoiceState) machine.root().state("C");
    return ConditionEvaluator.test(
        choice.choices().get(0).condition(), EvaluationContext.of(Json.parseTrusted(INPUT)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Variable\": \"$.s\", \"StringEquals\": \"beta\"}|true",
        "{\"Variable\": \"$.s\", \"StringEquals\": \"Beta\"}|false",
        "{\"Variable\": \"$.s\", \"StringLessThan\": \"gamma\"}|true",
        "{\"Variable\": \"$.s\", \"StringGreaterThan\": \"alpha\"}|true",
        "{\"Variable\": \"$.s\", \"StringLessThanEquals\": \"beta\"}|true",
        "{\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"gamma\"}|false",
        "{\"Variable\": \"$.s\", \"StringMatches\": \"b*a\"}|true",
        "{\"Variable\": \"$.s\", \"StringMatches\": \"b\\\\*a\"}|false",
        "{\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.other.s\"}|false",
        "{\"Variable\": \"$.s\", \"StringGreaterThanPath\": \"$.other.s\"}|true",
        "{\"Variable\": \"$.n\", \"NumericEquals\": 10.0}|true",
        "{\"Variable\": \"$.n\", \"NumericLessThan\": 11}|true",
        "{\"Variable\": \"$.f\", \"NumericGreaterThan\": 2}|true",
        "{\"Variable\": \"$.n\", \"NumericLessThanEquals\": 9}|false",
        "{\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 10}|true",
        "{\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$.other.n\"}|true",
        "{\"Variable\": \"$.s\", \"NumericEquals\": 10}|false",
        "{\"Variable\": \"$.b\", \"BooleanEquals\": true}|true",
        "{\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.z\"}|false",
        "{\"Variable\": \"$.t\", \"TimestampEquals\": \"2024-05-01T10:00:00Z\"}|true",
        "{\"Variable\": \"$.t\", \"TimestampEqualsPath\": \"$.other.t\"}|true",
        "{\"Variable\": \"$.t\", \"TimestampLessThan\": \"2024-05-01T10:00:01Z\"}|true",
        "{\"Variable\": \"$.t\", \"TimestampGreaterThan\": \"2024-05-01T09:59:59Z\"}|true",
        "{\"Variable\": \"$.t\", \"TimestampLessThanEquals\": \"2024-05-01T09:00:00Z\"}|false",
        "{\"Variable\": \"$.t\", \"TimestampGreaterThanEquals\": \"2024-05-01T10:00:00Z\"}|true",
        "{\"Variable\": \"$.s\", \"TimestampEquals\": \"2024-05-01T10:00:00Z\"}|false",
        "{\"Variable\": \"$.z\", \"IsNull\": true}|true",
        "{\"Variable\": \"$.s\", \"IsNull\": false}|true",
        "{\"Variable\": \"$.missing\", \"IsPresent\": false}|true",
        "{\"Variable\": \"$.s\", \"IsPresent\": true}|true",
        "{\"Variable\": \"$.f\", \"IsNumeric\": true}|true",
        "{\"Variable\": \"$.s\", \"IsString\": true}|true",
        "{\"Variable\": \"$.b\", \"IsBoolean\": true}|true",
        "{\"Variable\": \"$.t\", \"IsTimestamp\": true}|true",
        "{\"Variable\": \"$.s\", \"IsTimestamp\": true}|false",
        "{\"And\": [{\"Variable\": \"$.n\", \"NumericEquals\": 10},"
            + " {\"Variable\": \"$.b\", \"BooleanEquals\": true}]}|true",
        "{\"Or\": [{\"Variable\": \"$.n\", \"NumericEquals\": 1},"
            + " {\"Variable\": \"$.b\", \"BooleanEquals\": false}]}|false",
        "{\"Not\": {\"Variable\": \"$.n\", \"NumericEquals\": 1}}|true",
      })
  void comparison_eachOperator_matchesAwsSemantics(String rule, boolean expected) {
    assertThat(test(rule)).isEqualTo(expected);
  }

  @Test
  void comparison_variableSelectsNothing_failsWithRuntime() {
    assertThatThrownBy(() -> test("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\"}"))
        .isInstanceOf(StatesError.class)
        .hasMessageContaining("States.Runtime")
        .hasMessageContaining("Invalid path '$.missing'");
  }

  @Test
  void wildcard_escapedStarAndBackslash_matchLiterally() {
    assertThat(Wildcard.matches("a\\*b", "a*b")).isTrue();
    assertThat(Wildcard.matches("a\\*b", "axb")).isFalse();
    assertThat(Wildcard.matches("a\\\\b", "a\\b")).isTrue();
    assertThat(Wildcard.matches("*.log", "app.log")).isTrue();
    assertThat(Wildcard.matches("*", "")).isTrue();
  }
}
