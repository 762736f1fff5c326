package dev.mercury.language.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.path.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Field evaluation: which strings are expressions, what {@code $states} and variables hold, JSON
 * null against undefined, and the causes AWS gives when an expression fails.
 */
class JsonataEvaluatorTest {

  private static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }

  private static StatesBinding binding(String input, Map<String, String> variables) {
    Variables lookup = name -> variables.containsKey(name) ? json(variables.get(name)) : null;
    return new StatesBinding(
        json(input),
        null,
        null,
        () -> json("{\"Execution\": {\"Id\": \"arn:exec\"}, \"State\": {\"Name\": \"S\"}}"),
        lookup);
  }

  private static StatesBinding input(String input) {
    return binding(input, Map.of());
  }

  /** Evaluates as Output; the result is read back from text so numbers compare by value. */
  private static JsonNode eval(String template, StatesBinding binding) {
    return json(Json.write(JsonataEvaluator.evaluate(json(template), "Output", binding)));
  }

  private static JsonNode eval(String template) {
    return eval(template, input("{}"));
  }

  /** Evaluates a single expression written without the {@code {% %}} around it. */
  private static JsonNode expr(String expression) {
    return eval(Json.write(Json.NODES.textNode("{% " + expression + " %}")), input("{}"));
  }

  private static StatesError failure(String template, StatesBinding binding) {
    try {
      eval(template, binding);
    } catch (StatesError e) {
      return e;
    }
    throw new AssertionError("expected " + template + " to fail");
  }

  @Test
  void isExpression_wholeStringInPercentBraces_isExpression() {
    assertThat(JsonataEvaluator.isExpression(Json.NODES.textNode("{% 1 %}"))).isTrue();
    assertThat(JsonataEvaluator.isExpression(Json.NODES.textNode("{%1%}"))).isTrue();
  }

  @Test
  void isExpression_spaceOutsideBracesOrNotAString_isNotExpression() {
    assertThat(JsonataEvaluator.isExpression(Json.NODES.textNode(" {% 1 %}"))).isFalse();
    assertThat(JsonataEvaluator.isExpression(Json.NODES.textNode("{% 1 %} "))).isFalse();
    assertThat(JsonataEvaluator.isExpression(Json.NODES.textNode("$.a"))).isFalse();
    assertThat(JsonataEvaluator.isExpression(json("{\"a\": \"{% 1 %}\"}"))).isFalse();
    assertThat(JsonataEvaluator.isExpression(null)).isFalse();
  }

  @Test
  void evaluate_literalsAndPathLookingStrings_areKeptAsWritten() {
    String template =
        "{\"n\": null, \"i\": 0, \"f\": 0.1, \"b\": true, \"path\": \"$.a\", \"ctx\": \"$$\","
            + " \"var\": \"$x\", \"intrinsic\": \"States.Format('{}', 1)\","
            + " \"spaced\": \" {% 1 %} \", \"list\": [\"$.b\", [], {}]}";

    assertThat(eval(template)).isEqualTo(json(template));
  }

  @Test
  void evaluate_expressionsNestedInObjectsAndArrays_areEachEvaluated() {
    JsonNode result =
        eval("{\"a\": \"{% 1 + 1 %}\", \"b\": [\"{% 'x' & 'y' %}\", {\"c\": \"{% true %}\"}]}");

    assertThat(result).isEqualTo(json("{\"a\": 2, \"b\": [\"xy\", {\"c\": true}]}"));
  }

  @Test
  void evaluate_statesInput_isTheStateInput() {
    JsonNode result = eval("\"{% $states.input.a.b %}\"", input("{\"a\": {\"b\": [1, 2]}}"));

    assertThat(result).isEqualTo(json("[1, 2]"));
  }

  @Test
  void evaluate_statesResultAndErrorOutput_areBoundWhenGiven() {
    StatesBinding binding =
        input("{}").withResult(json("{\"r\": 1}")).withErrorOutput(json("{\"Error\": \"E\"}"));

    assertThat(eval("[\"{% $states.result.r %}\", \"{% $states.errorOutput.Error %}\"]", binding))
        .isEqualTo(json("[1, \"E\"]"));
  }

  @Test
  void evaluate_statesResultOutsideATask_isUndefined() {
    StatesError error = failure("\"{% $states.result %}\"", input("{}"));

    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$states.result' specified for the field 'Output' returned"
                + " nothing (undefined).");
  }

  @Test
  void evaluate_statesContext_readsTheContextObject() {
    JsonNode result =
        eval("[\"{% $states.context.Execution.Id %}\", \"{% $states.context.State.Name %}\"]");

    assertThat(result).isEqualTo(json("[\"arn:exec\", \"S\"]"));
  }

  @Test
  void evaluate_variables_areBoundByName() {
    StatesBinding binding = binding("{}", Map.of("count", "3", "user", "{\"name\": \"Ana\"}"));

    assertThat(eval("\"{% $user.name & ':' & $string($count + 1) %}\"", binding))
        .isEqualTo(json("\"Ana:4\""));
  }

  @Test
  void evaluate_variableShadowedByLocalAssignment_usesTheLocalValue() {
    StatesBinding binding = binding("{}", Map.of("x", "1"));

    assertThat(eval("\"{% ($x := 5; $x * 2) %}\"", binding)).isEqualTo(json("10"));
  }

  @Test
  void evaluate_dollarAlone_isUndefinedBecauseAwsGivesNoContextItem() {
    StatesError error = failure("\"{% $ %}\"", input("{\"a\": 1}"));

    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$' specified for the field 'Output' returned nothing"
                + " (undefined).");
  }

  @Test
  void evaluate_bareFieldName_doesNotReadTheStateInput() {
    StatesError error = failure("\"{% a %}\"", input("{\"a\": 1}"));

    assertThat(error.cause()).endsWith("returned nothing (undefined).");
  }

  @Test
  void evaluate_variableWithUnicodeName_isBound() {
    StatesBinding binding = binding("{}", Map.of("prénom", "\"Ana\"", "数", "2"));

    assertThat(eval("[\"{% $prénom %}\", \"{% $数 * 2 %}\"]", binding))
        .isEqualTo(json("[\"Ana\", 4]"));
  }

  @Test
  void evaluate_nullLiteral_isJsonNull() {
    assertThat(expr("null").isNull()).isTrue();
  }

  @Test
  void evaluate_memberHoldingNull_isJsonNull() {
    JsonNode result = eval("{\"v\": \"{% $states.input.a %}\"}", input("{\"a\": null}"));

    assertThat(result).isEqualTo(json("{\"v\": null}"));
  }

  @Test
  void evaluate_unknownVariable_isUndefinedAndFailsNamingTheField() {
    StatesError error = failure("\"{% $nothing %}\"", input("{}"));

    assertThat(error.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(error.location()).isEqualTo("Output");
    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$nothing' specified for the field 'Output' returned nothing"
                + " (undefined).");
  }

  @Test
  void evaluate_undefinedInsideObject_namesTheFieldPath() {
    StatesError error = failure("{\"a\": {\"b\": \"{% $states.input.missing %}\"}}", input("{}"));

    assertThat(error.location()).isEqualTo("Output/a/b");
    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$states.input.missing' specified for the field 'Output/a/b'"
                + " returned nothing (undefined).");
  }

  @Test
  void evaluate_undefinedInsideArray_namesTheElementIndex() {
    StatesError error = failure("{\"list\": [1, \"{% $nothing %}\"]}", input("{}"));

    assertThat(error.location()).isEqualTo("Output/list/1");
  }

  @Test
  void evaluate_undefinedInsideAnArrayTheExpressionBuilds_becomesNothingThere() {
    assertThat(expr("[1, $nothing, 2]")).isEqualTo(json("[1, 2]"));
    assertThat(expr("{'a': $nothing, 'b': 1}")).isEqualTo(json("{\"b\": 1}"));
  }

  @Test
  void evaluate_typeError_threwAnErrorWithTheJsonataCode() {
    StatesError error = failure("\"{% 'a' + 1 %}\"", input("{}"));

    assertThat(error.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(error.cause())
        .startsWith(
            "The JSONata expression ''a' + 1' specified for the field 'Output' threw an error"
                + " during evaluation. T2001: ");
  }

  @Test
  void evaluate_unknownFunction_threwT1006() {
    StatesError error = failure("\"{% $randomSeeded(1) %}\"", input("{}"));

    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$randomSeeded(1)' specified for the field 'Output' threw an"
                + " error during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void evaluate_functionAsResult_isAnUnsupportedResultType() {
    StatesError error = failure("\"{% $sum %}\"", input("{}"));

    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$sum' specified for the field 'Output' returned an"
                + " unsupported result type.");
  }

  @Test
  void evaluate_syntaxError_threwAnError() {
    StatesError error = failure("\"{% 1 + %}\"", input("{}"));

    assertThat(error.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(error.cause())
        .startsWith(
            "The JSONata expression '1 +' specified for the field 'Output' threw an error during"
                + " evaluation. ");
  }

  @Test
  void evaluate_wholeNumbers_printWithoutFraction() {
    assertThat(Json.write(expr("6 / 2"))).isEqualTo("3");
    assertThat(Json.write(expr("7 / 2"))).isEqualTo("3.5");
  }

  @Test
  void evaluate_fieldNamedInError_isTheFieldGiven() {
    StatesError error =
        assertThrowsStates(
            () ->
                JsonataEvaluator.evaluate(
                    json("{\"FunctionName\": \"{% $nothing %}\"}"), "Arguments", input("{}")));

    assertThat(error.location()).isEqualTo("Arguments/FunctionName");
  }

  @Test
  void textOf_expressionOrValue_givesWhatTheMessageQuotes() {
    assertThat(JsonataEvaluator.textOf(Json.NODES.textNode("{%  $x  %}"))).isEqualTo("$x");
    assertThat(JsonataEvaluator.textOf(json("[1]"))).isEqualTo("[1]");
  }

  @Test
  void failure_buildsTheQueryEvaluationError() {
    StatesError error = JsonataEvaluator.failure("$a", "Items", "returned nothing (undefined).");

    assertThat(error.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(error.location()).isEqualTo("Items");
    assertThatThrownBy(
            () -> {
              throw error;
            })
        .hasMessageContaining("specified for the field 'Items'");
  }

  private static StatesError assertThrowsStates(Runnable action) {
    try {
      action.run();
    } catch (StatesError e) {
      return e;
    }
    throw new AssertionError("expected a StatesError");
  }
}
