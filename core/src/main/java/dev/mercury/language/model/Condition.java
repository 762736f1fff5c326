package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.path.JsonPath;
import java.util.List;

/** The test of a Choice rule. */
public sealed interface Condition {
  record And(List<Condition> conditions) implements Condition {}

  record Or(List<Condition> conditions) implements Condition {}

  record Not(Condition condition) implements Condition {}

  /**
   * A comparison of the value at {@code variable} with a literal operand or the value at {@code
   * operandPath}.
   */
  record Comparison(JsonPath variable, Operator operator, JsonNode operand, JsonPath operandPath)
      implements Condition {}

  /** A JSONata {@code Condition}, an expression that must yield a boolean. */
  record Jsonata(JsonNode expression) implements Condition {}
}
