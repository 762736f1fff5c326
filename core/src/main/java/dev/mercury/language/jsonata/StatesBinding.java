package dev.mercury.language.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.path.EvaluationContext.ContextSupplier;
import dev.mercury.language.path.Variables;

/**
 * What a JSONata expression in a state sees: the reserved {@code $states} variable (its input, the
 * task result, the error output inside a catcher, the context object) and the workflow variables.
 *
 * @param result the state's result, or null before there is one
 * @param errorOutput the error a catcher handles, or null outside Catch
 */
public record StatesBinding(
    JsonNode input,
    JsonNode result,
    JsonNode errorOutput,
    ContextSupplier context,
    Variables variables) {

  public StatesBinding withResult(JsonNode newResult) {
    return new StatesBinding(input, newResult, errorOutput, context, variables);
  }

  public StatesBinding withErrorOutput(JsonNode error) {
    return new StatesBinding(input, result, error, context, variables);
  }
}
