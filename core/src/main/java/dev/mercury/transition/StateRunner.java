package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.choice.ConditionEvaluator;
import dev.mercury.language.choice.Timestamps;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.model.ChoiceRule;
import dev.mercury.language.model.ChoiceState;
import dev.mercury.language.model.Condition;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.FailState;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.ParallelState;
import dev.mercury.language.model.PassState;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.model.State;
import dev.mercury.language.model.SucceedState;
import dev.mercury.language.model.TaskState;
import dev.mercury.language.model.WaitState;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Runs a flow's current state: enters it, does its work up to the point where it waits for
 * something (a task, a timer, its children) or moves on, and finishes it when that arrives.
 */
final class StateRunner {
  private static final int[] NO_RETRIERS = new int[0];

  private final Turn turn;
  private final DataFlow data;

  StateRunner(Turn turn) {
    this.turn = turn;
    this.data = new DataFlow(turn);
  }

  void enter(Flow flow) {
    State state = turn.state(flow);
    flow.enteredMillis = turn.now;
    flow.retryCount = 0;
    flow.retryAttempts =
        state instanceof Recoverable r && !r.retriers().isEmpty()
            ? new int[r.retriers().size()]
            : NO_RETRIERS;
    String name = state.name();
    JsonText input = turn.text(flow, flow.stateInput);
    HistoryEvent entered =
        turn.deferredEvent(
            flow, state.typeName() + "StateEntered", () -> Details.entered(name, input));
    flow.enteredEventId = entered.id();
    run(flow, state);
  }

  /** Does the state's work; also how a retry runs it again. */
  void run(Flow flow, State state) {
    flow.phase = Flow.Phase.READY;
    try {
      switch (state) {
        case PassState pass -> pass(flow, pass);
        case TaskState task -> new TaskRunner(turn).start(flow, task);
        case ChoiceState choice -> choice(flow, choice);
        case WaitState wait -> startWait(flow, wait);
        case SucceedState succeed -> succeed(flow, succeed);
        case FailState fail -> fail(flow, fail);
        case ParallelState parallel ->
            new Fan(turn).parallel(flow, parallel, data.arguments(flow, parallel));
        case MapState map -> new Fan(turn).map(flow, map, data.input(flow, map));
      }
    } catch (StatesError e) {
      new Recovery(turn).stateFailed(flow, state, e);
    }
  }

  void taskResult(Flow flow, StepMessage.TaskResult result) {
    if (flow.phase == Flow.Phase.AWAITING_TASK) {
      new TaskRunner(turn).finish(flow, (TaskState) turn.state(flow), result);
    }
  }

  /**
   * What may reach a Task waiting for its callback: the invoker's reply (the work was handed over),
   * a heartbeat, an activity worker taking it, and the callback itself. Only the callback and a
   * failed hand-over end the Task.
   */
  void taskSubmitted(Flow flow, JsonNode output) {
    if (flow.phase == Flow.Phase.AWAITING_TASK) {
      new TaskRunner(turn).submitted(flow, (TaskState) turn.state(flow), output);
    }
  }

  void taskHeartbeat(Flow flow) {
    new TaskRunner(turn).heartbeat(flow, (TaskState) turn.state(flow));
  }

  void activityStarted(Flow flow, String workerName) {
    new TaskRunner(turn).activityStarted(flow, (TaskState) turn.state(flow), workerName);
  }

  void timerDue(Flow flow, StepMessage.TimerPurpose purpose) {
    State state = turn.state(flow);
    switch (purpose) {
      case WAIT -> {
        if (flow.phase == Flow.Phase.AWAITING_TIMER) {
          finishWait(flow, (WaitState) state);
        }
      }
      case RETRY -> {
        if (flow.phase == Flow.Phase.AWAITING_RETRY) {
          run(flow, state);
        }
      }
      case TASK_TIMEOUT, HEARTBEAT_TIMEOUT -> {
        if (flow.phase == Flow.Phase.AWAITING_TASK) {
          new TaskRunner(turn).timedOut(flow, (TaskState) state, purpose);
        }
      }
      default -> throw new IllegalArgumentException("unexpected timer " + purpose);
    }
  }

  private void pass(Flow flow, PassState pass) {
    if (DataFlow.jsonata(pass)) {
      exit(flow, pass, data.passThrough(flow, pass, flow.stateInput), pass.next());
      return;
    }
    JsonNode result = pass.result() != null ? pass.result() : data.arguments(flow, pass);
    exit(flow, pass, data.fromResult(flow, pass, result), pass.next());
  }

  private void choice(Flow flow, ChoiceState choice) {
    JsonNode effective = data.input(flow, choice);
    ChoiceRule matched = null;
    for (ChoiceRule rule : choice.choices()) {
      if (holds(flow, choice, rule, effective)) {
        matched = rule;
        break;
      }
    }
    String next = matched != null ? matched.next() : choice.defaultNext();
    if (next == null) {
      throw new StatesError(ErrorName.NO_CHOICE_MATCHED, "No Matches!");
    }
    Map<String, JsonNode> ruleAssigned =
        matched == null ? null : ruleAssign(flow, choice, matched, effective);
    JsonNode output = data.passThrough(flow, choice, effective);
    if (matched != null && matched.output() != null && DataFlow.jsonata(choice)) {
      output =
          JsonataEvaluator.evaluate(
              matched.output(), "Output", turn.binding(flow, flow.stateInput));
    }
    data.setVariables(flow, ruleAssigned);
    exit(flow, choice, output, next);
  }

  private boolean holds(Flow flow, ChoiceState choice, ChoiceRule rule, JsonNode effective) {
    if (rule.condition() instanceof Condition.Jsonata jsonata) {
      JsonNode value =
          JsonataEvaluator.evaluate(
              jsonata.expression(), "Condition", turn.binding(flow, flow.stateInput));
      if (!value.isBoolean()) {
        throw JsonataEvaluator.failure(
            JsonataEvaluator.textOf(jsonata.expression()),
            "Condition",
            "returned an unexpected result type. Expected 'boolean', but was '"
                + Json.typeName(value)
                + "' for value: "
                + Json.write(value));
      }
      return value.booleanValue();
    }
    return ConditionEvaluator.test(rule.condition(), turn.context(flow, effective));
  }

  private Map<String, JsonNode> ruleAssign(
      Flow flow, ChoiceState choice, ChoiceRule rule, JsonNode effective) {
    if (DataFlow.jsonata(choice)) {
      return data.assignJsonata(rule.assign(), turn.binding(flow, flow.stateInput));
    }
    return data.assignJsonPath(flow, rule.assign(), effective);
  }

  private void startWait(Flow flow, WaitState wait) {
    JsonNode effective = data.input(flow, wait);
    long due =
        wait.seconds() != null
            ? turn.now + seconds(flow, wait.seconds(), effective) * 1000
            : timestamp(flow, wait.timestamp(), effective);
    flow.phase = Flow.Phase.AWAITING_TIMER;
    turn.timer(flow, due, StepMessage.TimerPurpose.WAIT);
  }

  private void finishWait(Flow flow, WaitState wait) {
    try {
      exit(flow, wait, data.passThrough(flow, wait, data.input(flow, wait)), wait.next());
    } catch (StatesError e) {
      new Recovery(turn).stateFailed(flow, wait, e);
    }
  }

  private long seconds(Flow flow, DynamicValue seconds, JsonNode effective) {
    JsonNode value = turn.resolve(flow, seconds, effective);
    if (!value.isIntegralNumber() || value.asLong() < 0) {
      String shown = seconds.isPath() ? seconds.path().text() + " == " + value : value.toString();
      throw turn.invalid(
          seconds,
          value,
          "non-negative integer",
          "The SecondsPath parameter cannot be parsed as a long value: " + shown);
    }
    return value.asLong();
  }

  private long timestamp(Flow flow, DynamicValue timestamp, JsonNode effective) {
    JsonNode value = turn.resolve(flow, timestamp, effective);
    OffsetDateTime when = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
    if (when == null) {
      throw turn.invalid(
          timestamp,
          value,
          "ISO-8601 timestamp",
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
              + " date-time format string: "
              + (timestamp.isPath() ? timestamp.path().text() + " == " : "")
              + value);
    }
    return when.toInstant().toEpochMilli();
  }

  private void succeed(Flow flow, SucceedState succeed) {
    exit(flow, succeed, data.passThrough(flow, succeed, data.input(flow, succeed)), null);
  }

  private void fail(Flow flow, FailState fail) {
    String error = failText(flow, fail.error());
    String cause = failText(flow, fail.cause());
    new Join(turn).flowFailed(flow, error, cause);
  }

  private String failText(Flow flow, DynamicValue value) {
    if (value == null) {
      return null;
    }
    JsonNode text = turn.resolve(flow, value, flow.stateInput);
    if (!text.isTextual()) {
      throw StatesError.runtime(
          "The " + value.field() + "Path field refers to a value that is not a string: " + text);
    }
    return text.textValue();
  }

  /** Leaves the state for {@code next}, or ends the flow when {@code next} is null. */
  void exit(Flow flow, State state, JsonNode output, String next) {
    String name = state.name();
    JsonText text = new JsonText(output);
    turn.deferredEvent(flow, state.typeName() + "StateExited", () -> Details.exited(name, text));
    if (next == null) {
      new Join(turn).flowSucceeded(flow, output);
      return;
    }
    flow.state = next;
    flow.stateInput = output;
    flow.stateInputText = text;
    flow.phase = Flow.Phase.READY;
    turn.advance(flow);
  }
}
