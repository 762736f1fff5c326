package dev.mercury.language.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.Variables;
import java.util.Map;

/** Evaluates calls against small JSON documents for the tests of this package. */
final class IntrinsicTesting {
  /** A context object shaped like the one AWS passes a state. */
  static final String CONTEXT =
      """
      {"Execution": {"Id": "arn:aws:states:us-east-1:111111111111:execution:machine-name:run-7",
                     "Name": "run-7", "Input": {"FunctionInput": "a,b"}},
       "StateMachine": {"Id": "arn:aws:states:us-east-1:111111111111:stateMachine:machine-name",
                        "Name": "machine-name"},
       "State": {"Name": "State_0"}}
      """;

  private IntrinsicTesting() {}

  static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }

  static EvaluationContext context(String input) {
    return context(input, Map.of());
  }

  static EvaluationContext context(String input, Map<String, String> variables) {
    return context(input, CONTEXT, variables);
  }

  static EvaluationContext context(
      String input, String contextObject, Map<String, String> variables) {
    JsonNode context = json(contextObject);
    Variables lookup = name -> variables.containsKey(name) ? json(variables.get(name)) : null;
    return new EvaluationContext(json(input), () -> context, lookup);
  }

  static JsonNode eval(String call, String input) {
    return IntrinsicFunction.parse(call).evaluate(context(input));
  }

  static JsonNode eval(String call) {
    return eval(call, "{}");
  }

  /** The input {"FunctionInput": value}, the shape every recorded AWS case uses. */
  static JsonNode evalOnFunctionInput(String call, String value) {
    return eval(call, "{\"FunctionInput\": " + value + "}");
  }

  static StatesError failure(String call, String input) {
    StatesError error =
        catchThrowableOfType(
            StatesError.class, () -> IntrinsicFunction.parse(call).evaluate(context(input)));
    if (error == null) {
      throw new AssertionError(call + " was expected to fail on " + input);
    }
    return error;
  }

  static StatesError failure(String call) {
    return failure(call, "{}");
  }

  static void assertInvalidArguments(String call, String input, String function) {
    StatesError error = failure(call, input);
    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).isEqualTo("Invalid arguments in " + function);
  }

  static void assertInvalidArguments(String call, String function) {
    assertInvalidArguments(call, "{}", function);
  }

  static void assertParseFails(String call, String messagePart) {
    assertThatThrownBy(() -> IntrinsicFunction.parse(call))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }
}
