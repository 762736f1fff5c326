package dev.mercury.language.graph;

import dev.mercury.language.model.Condition;
import java.util.List;
import java.util.stream.Collectors;

/** A Choice rule's condition as a short line of text, for an arrow's label. */
final class ConditionText {
  /** Longer labels make a chart unreadable; the definition holds the whole rule. */
  static final int MAX_LENGTH = 48;

  private ConditionText() {}

  static String of(Condition condition) {
    String text = full(condition);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String full(Condition condition) {
    return switch (condition) {
      case Condition.And and -> joined(and.conditions(), " and ");
      case Condition.Or or -> joined(or.conditions(), " or ");
      case Condition.Not not -> "not " + nested(not.condition());
      case Condition.Comparison c -> comparison(c);
      case Condition.Jsonata jsonata ->
          jsonata.expression().isTextual()
              ? jsonata.expression().asText()
              : jsonata.expression().toString();
    };
  }

  private static String comparison(Condition.Comparison c) {
    String variable = c.variable() == null ? "?" : c.variable().text();
    if (c.operator().isTypeTest()) {
      boolean expected = c.operand() == null || c.operand().asBoolean(true);
      return variable + (expected ? " " : " not ") + c.operator().name();
    }
    String operand =
        c.operandPath() != null
            ? c.operandPath().text()
            : c.operand() == null ? "" : c.operand().toString();
    return variable + " " + c.operator().name() + " " + operand;
  }

  private static String joined(List<Condition> conditions, String separator) {
    return conditions.stream().map(ConditionText::nested).collect(Collectors.joining(separator));
  }

  private static String nested(Condition condition) {
    return condition instanceof Condition.And || condition instanceof Condition.Or
        ? "(" + full(condition) + ")"
        : full(condition);
  }
}
