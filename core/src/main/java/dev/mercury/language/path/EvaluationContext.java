package dev.mercury.language.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a path or an expression can see while a state runs: its input ({@code $}), the context
 * object ({@code $$}) and the workflow variables ({@code $name}).
 *
 * @param input the value {@code $} refers to
 * @param context the context object; built lazily by callers that rarely need it
 * @param variables the variables in scope
 */
public record EvaluationContext(JsonNode input, ContextSupplier context, Variables variables) {

  /** Supplies the context object only when a path asks for it. */
  @FunctionalInterface
  public interface ContextSupplier {
    JsonNode get();
  }

  public EvaluationContext withInput(JsonNode newInput) {
    return new EvaluationContext(newInput, context, variables);
  }

  public static EvaluationContext of(JsonNode input) {
    return new EvaluationContext(input, () -> null, Variables.NONE);
  }
}
