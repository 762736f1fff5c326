package dev.mercury.language.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.Condition;
import dev.mercury.language.model.Operator;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;
import java.time.OffsetDateTime;

/**
 * Evaluates JSONPath Choice conditions. Comparisons of values of the wrong type are false, as AWS
 * does; a Variable that selects nothing fails the state with States.Runtime, except under
 * IsPresent.
 */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  public static boolean test(Condition condition, EvaluationContext context) {
    return switch (condition) {
      case Condition.And and -> and.conditions().stream().allMatch(c -> test(c, context));
      case Condition.Or or -> or.conditions().stream().anyMatch(c -> test(c, context));
      case Condition.Not not -> !test(not.condition(), context);
      case Condition.Comparison comparison -> compare(comparison, context);
      case Condition.Jsonata jsonata ->
          throw new IllegalStateException("JSONata conditions are evaluated by the JSONata layer");
    };
  }

  private static boolean compare(Condition.Comparison comparison, EvaluationContext context) {
    Operator operator = comparison.operator();
    JsonNode value;
    try {
      value = comparison.variable().read(context);
    } catch (PathFailure e) {
      if (operator == Operator.IsPresent) {
        return !comparison.operand().asBoolean();
      }
      throw StatesError.runtime(
          "Invalid path '" + comparison.variable().text() + "' : " + e.getMessage());
    }
    if (operator.isTypeTest()) {
      return typeTest(operator, value) == comparison.operand().asBoolean();
    }
    JsonNode operand = operand(comparison, context);
    return Comparisons.compare(operator, value, operand);
  }

  private static JsonNode operand(Condition.Comparison comparison, EvaluationContext context) {
    if (comparison.operandPath() == null) {
      return comparison.operand();
    }
    try {
      return comparison.operandPath().read(context);
    } catch (PathFailure e) {
      throw StatesError.runtime(
          "Invalid path '" + comparison.operandPath().text() + "' : " + e.getMessage());
    }
  }

  private static boolean typeTest(Operator operator, JsonNode value) {
    return switch (operator) {
      case IsNull -> value.isNull();
      case IsPresent -> true;
      case IsNumeric -> value.isNumber();
      case IsString -> value.isTextual();
      case IsBoolean -> value.isBoolean();
      case IsTimestamp -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
      default -> throw new IllegalArgumentException(operator + " is not a type test");
    };
  }

  /** The text of a value as AWS quotes it in messages. */
  static String show(JsonNode value) {
    return Json.write(value);
  }

  static OffsetDateTime timestamp(JsonNode value) {
    return value.isTextual() ? Timestamps.parse(value.textValue()) : null;
  }
}
