package dev.mercury.language.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.model.Operator;
import java.time.OffsetDateTime;

/** The value comparisons of Choice rules, each false when either side has the wrong type. */
final class Comparisons {
  private Comparisons() {}

  static boolean compare(Operator operator, JsonNode value, JsonNode operand) {
    return switch (operator) {
      case StringEquals,
          StringLessThan,
          StringGreaterThan,
          StringLessThanEquals,
          StringGreaterThanEquals ->
          value.isTextual()
              && operand.isTextual()
              && holds(operator, value.textValue().compareTo(operand.textValue()));
      case StringMatches ->
          value.isTextual()
              && operand.isTextual()
              && Wildcard.matches(operand.textValue(), value.textValue());
      case NumericEquals,
          NumericLessThan,
          NumericGreaterThan,
          NumericLessThanEquals,
          NumericGreaterThanEquals ->
          value.isNumber()
              && operand.isNumber()
              && holds(operator, value.decimalValue().compareTo(operand.decimalValue()));
      case BooleanEquals -> value.isBoolean() && operand.isBoolean() && value.equals(operand);
      case TimestampEquals,
          TimestampLessThan,
          TimestampGreaterThan,
          TimestampLessThanEquals,
          TimestampGreaterThanEquals ->
          compareTimestamps(operator, value, operand);
      default -> throw new IllegalArgumentException(operator + " is not a comparison");
    };
  }

  private static boolean compareTimestamps(Operator operator, JsonNode value, JsonNode operand) {
    OffsetDateTime left = ConditionEvaluator.timestamp(value);
    OffsetDateTime right = ConditionEvaluator.timestamp(operand);
    return left != null
        && right != null
        && holds(operator, left.toInstant().compareTo(right.toInstant()));
  }

  private static boolean holds(Operator operator, int order) {
    String name = operator.name();
    if (name.endsWith("LessThanEquals")) {
      return order <= 0;
    }
    if (name.endsWith("GreaterThanEquals")) {
      return order >= 0;
    }
    if (name.endsWith("LessThan")) {
      return order < 0;
    }
    if (name.endsWith("GreaterThan")) {
      return order > 0;
    }
    return order == 0;
  }
}
