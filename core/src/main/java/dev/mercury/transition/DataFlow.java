package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.data.DataProcessing;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.jsonata.StatesBinding;
import dev.mercury.language.model.Assignment;
import dev.mercury.language.model.PayloadTemplate;
import dev.mercury.language.model.QueryLanguage;
import dev.mercury.language.model.State;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A state's input and output processing in its query language. JSONPath: InputPath, Parameters,
 * then ResultSelector, ResultPath, OutputPath. JSONata: Arguments, then Output, both reading {@code
 * $states}. In both, Assign is evaluated against the variables as they were before the state, and
 * takes effect after the state's output is computed.
 */
final class DataFlow {
  /**
   * AWS's limit on the variables one Assign sets, in bytes of JSON; it bounds each variable too.
   */
  static final int ASSIGN_LIMIT_BYTES = 256 * 1024;

  /** AWS's limit on all the variables an execution holds at once, in bytes of JSON. */
  static final long EXECUTION_LIMIT_BYTES = 10L * 1024 * 1024;

  private final Turn turn;

  DataFlow(Turn turn) {
    this.turn = turn;
  }

  static boolean jsonata(State state) {
    return state.queryLanguage() == QueryLanguage.JSONATA;
  }

  /** JSONPath: InputPath applied to the raw input. JSONata: the raw input. */
  JsonNode input(Flow flow, State state) {
    if (jsonata(state)) {
      return flow.stateInput;
    }
    JsonNode selected =
        DataProcessing.select(
            state.fields().inputPath(), flow.stateInput, turn.context(flow, flow.stateInput));
    turn.probe.record("afterInputPath", selected);
    return selected;
  }

  /** What a state works on: InputPath then Parameters, or JSONata Arguments. */
  JsonNode arguments(Flow flow, State state) {
    if (jsonata(state)) {
      JsonNode arguments = state.fields().arguments();
      JsonNode evaluated =
          arguments == null
              ? flow.stateInput
              : JsonataEvaluator.evaluate(
                  arguments, "Arguments", turn.binding(flow, flow.stateInput));
      turn.probe.record("afterArguments", evaluated);
      return evaluated;
    }
    JsonNode input = input(flow, state);
    PayloadTemplate parameters = state.fields().parameters();
    JsonNode evaluated =
        parameters == null ? input : parameters.evaluate(turn.context(flow, input));
    turn.probe.record("afterParameters", evaluated);
    return evaluated;
  }

  /**
   * The output of a state that has a result (Task, Parallel, Map, JSONPath Pass), with its Assign
   * applied. JSONPath: ResultSelector, ResultPath, OutputPath, and Assign reads the result as
   * {@code $}: the raw result, for AWS evaluates Assign beside ResultSelector, not after it.
   * JSONata: Output, by default the result itself.
   */
  JsonNode fromResult(Flow flow, State state, JsonNode result) {
    turn.probe.record("result", result);
    if (jsonata(state)) {
      return jsonataOutput(flow, state, result, result);
    }
    JsonNode selected = result;
    if (state.fields().resultSelector() != null) {
      selected = state.fields().resultSelector().evaluate(turn.context(flow, result));
    }
    turn.probe.record("afterResultSelector", selected);
    JsonNode combined =
        DataProcessing.applyResultPath(state.fields().resultPath(), flow.stateInput, selected);
    turn.probe.record("afterResultPath", combined);
    JsonNode output = outputPath(flow, state, combined);
    setVariables(flow, assignJsonPath(flow, state.assign(), result));
    return output;
  }

  /**
   * The output of a state without a result (Choice, Wait, Succeed, JSONata Pass), with its Assign
   * applied: OutputPath of what the state worked on, or JSONata Output, by default the input.
   */
  JsonNode passThrough(Flow flow, State state, JsonNode effectiveInput) {
    if (jsonata(state)) {
      return jsonataOutput(flow, state, null, flow.stateInput);
    }
    JsonNode output = outputPath(flow, state, effectiveInput);
    setVariables(flow, assignJsonPath(flow, state.assign(), effectiveInput));
    return output;
  }

  private JsonNode jsonataOutput(Flow flow, State state, JsonNode result, JsonNode fallback) {
    StatesBinding binding = turn.binding(flow, flow.stateInput).withResult(result);
    JsonNode template = state.fields().output();
    JsonNode output =
        template == null ? fallback : JsonataEvaluator.evaluate(template, "Output", binding);
    setVariables(flow, assignJsonata(state.assign(), binding));
    return output;
  }

  private JsonNode outputPath(Flow flow, State state, JsonNode value) {
    return DataProcessing.select(state.fields().outputPath(), value, turn.context(flow, value));
  }

  /** Evaluates an Assign (of a state, a Choice rule or a catcher) in JSONPath. */
  Map<String, JsonNode> assignJsonPath(Flow flow, Assignment assign, JsonNode dollar) {
    if (assign == null) {
      return null;
    }
    JsonNode values = assign.template().evaluate(turn.context(flow, dollar));
    return collect(values);
  }

  /** Evaluates an Assign in JSONata. */
  Map<String, JsonNode> assignJsonata(Assignment assign, StatesBinding binding) {
    return assignJsonata(assign, "Assign", binding);
  }

  /** Evaluates an Assign in JSONata, naming it {@code field} in errors. */
  Map<String, JsonNode> assignJsonata(Assignment assign, String field, StatesBinding binding) {
    if (assign == null) {
      return null;
    }
    return collect(JsonataEvaluator.evaluate(assign.raw(), field, binding));
  }

  private static Map<String, JsonNode> collect(JsonNode values) {
    Map<String, JsonNode> assigned = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : values.properties()) {
      assigned.put(entry.getKey(), entry.getValue());
    }
    if (size(assigned) > ASSIGN_LIMIT_BYTES) {
      throw new StatesError(
          ErrorName.RUNTIME,
          "The variables assigned by this state exceed the maximum size of 262144 bytes.");
    }
    return assigned;
  }

  /**
   * Makes assignments visible to the flow's next states, unless the variables held by every flow of
   * the execution would then pass AWS's total. Variables of a Map iteration or Parallel branch that
   * has ended are out of scope and no longer count.
   */
  void setVariables(Flow flow, Map<String, JsonNode> assigned) {
    if (assigned == null || assigned.isEmpty()) {
      return;
    }
    long own = variableBytes(flow);
    for (Map.Entry<String, JsonNode> entry : assigned.entrySet()) {
      JsonNode old = flow.variables == null ? null : flow.variables.get(entry.getKey());
      own += bytes(entry.getValue()) - (old == null ? 0 : bytes(old));
    }
    long total = own;
    for (Flow other : turn.checkpoint.flows.values()) {
      if (other != flow) {
        total += variableBytes(other);
      }
    }
    if (total > EXECUTION_LIMIT_BYTES) {
      throw new StatesError(
          ErrorName.RUNTIME,
          "The variables of this execution would exceed the maximum total size of "
              + EXECUTION_LIMIT_BYTES
              + " bytes.");
    }
    if (flow.variables == null) {
      flow.variables = new HashMap<>();
    }
    flow.variables.putAll(assigned);
    flow.variableBytes = own;
    turn.probe.assigned(flow, assigned);
  }

  /** The size of the flow's variables, measured once and then kept up to date. */
  private static long variableBytes(Flow flow) {
    if (flow.variableBytes < 0) {
      flow.variableBytes = flow.variables == null ? 0 : size(flow.variables);
    }
    return flow.variableBytes;
  }

  private static long bytes(JsonNode value) {
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The size of variables' values as UTF-8 JSON text. */
  private static long size(Map<String, JsonNode> variables) {
    long size = 0;
    for (JsonNode value : variables.values()) {
      size += bytes(value);
    }
    return size;
  }
}
