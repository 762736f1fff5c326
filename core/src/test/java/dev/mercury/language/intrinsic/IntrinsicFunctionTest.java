package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.path.PathFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation as a whole: nesting, the three path roots, and how failures surface. */
class IntrinsicFunctionTest {

  @Test
  void evaluate_recordedNestedCalls_splitTheStateMachineName() {
    String last =
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd("
            + "States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";

    assertThat(eval("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)"))
        .isEqualTo(json("\"machine\""));
    assertThat(eval(last)).isEqualTo(json("\"name\""));
  }

  @Test
  void evaluate_documentedNineNestedCalls_buildsTheVersion() {
    String call =
        "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
            + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem("
            + "States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'),"
            + " 2), '.'), 1), 7)";
    String input = "{\"ImageRecipe\": {\"Arn\": \"arn:aws:imagebuilder:recipe/name/1.2.3\"}}";

    assertThat(eval(call, input)).isEqualTo(json("\"1.2.7\""));
  }

  @Test
  void evaluate_variablePath_readsTheVariable() {
    var context = IntrinsicTesting.context("{}", Map.of("counter", "41"));

    JsonNode result = IntrinsicFunction.parse("States.MathAdd($counter, 1)").evaluate(context);

    assertThat(result).isEqualTo(json("42"));
  }

  @Test
  void evaluate_contextPath_readsTheContextObject() {
    assertThat(eval("States.Array($$.Execution.Input.FunctionInput, $$.State.Name)"))
        .isEqualTo(json("[\"a,b\", \"State_0\"]"));
  }

  @Test
  void evaluate_missingInputPath_throwsThePathFailureUnchanged() {
    IntrinsicFunction call = IntrinsicFunction.parse("States.Hash($.missing, 'SHA-256')");

    assertThatThrownBy(() -> call.evaluate(IntrinsicTesting.context("{}")))
        .isExactlyInstanceOf(PathFailure.class)
        .hasMessageContaining("missing");
  }

  @Test
  void evaluate_undefinedVariable_throwsThePathFailureUnchanged() {
    IntrinsicFunction call = IntrinsicFunction.parse("States.Array($nope)");

    assertThatThrownBy(() -> call.evaluate(IntrinsicTesting.context("{}")))
        .isExactlyInstanceOf(PathFailure.class)
        .hasMessage("The variable '$nope' is not defined");
  }

  @Test
  void evaluate_invalidArgument_isStatesRuntimeNotCatchableByStatesAll() {
    StatesError error = IntrinsicTesting.failure("States.ArrayLength('x')");

    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).isEqualTo("Invalid arguments in States.ArrayLength");
  }

  @Test
  void evaluate_nestedFailure_namesTheInnerFunction() {
    StatesError error = IntrinsicTesting.failure("States.Array(States.MathAdd('a', 1))");

    assertThat(error.cause()).isEqualTo("Invalid arguments in States.MathAdd");
  }

  @Test
  void evaluate_result_sharesNoNodesWithTheInput() {
    var context = IntrinsicTesting.context("{\"o\": {\"k\": 1}}");

    ArrayNode result = (ArrayNode) IntrinsicFunction.parse("States.Array($.o)").evaluate(context);
    ((ObjectNode) result.get(0)).put("k", 2);

    assertThat(context.input()).isEqualTo(json("{\"o\": {\"k\": 1}}"));
  }

  @Test
  void evaluate_sameCallTwice_readsEachInput() {
    IntrinsicFunction call = IntrinsicFunction.parse("States.MathAdd($.v, 1)");

    assertThat(call.evaluate(IntrinsicTesting.context("{\"v\": 1}"))).isEqualTo(json("2"));
    assertThat(call.evaluate(IntrinsicTesting.context("{\"v\": 5}"))).isEqualTo(json("6"));
  }
}
