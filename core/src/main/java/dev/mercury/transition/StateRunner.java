package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.choice.ConditionEvaluator;
import dev.mercury.language.choice.Timestamps;
import dev.mercury.language.data.DataProcessing;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.model.ChoiceRule;
import dev.mercury.language.model.ChoiceState;
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
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;
import java.time.OffsetDateTime;

/**
 * Runs a flow's current state: enters it, does its work up to the point where it waits for
 * something (a task, a timer, its children) or moves on, and finishes it when that arrives.
 */
final class StateRunner {
  private static final int[] NO_RETRIERS = new int[0];

  private final Turn turn;

  StateRunner(Turn turn) {
    this.turn = turn;
  }

  void enter(Flow flow) {
    State state = turn.state(flow);
    flow.enteredMillis = turn.now;
    flow.retryCount = 0;
    flow.retryAttempts =
        state instanceof Recoverable r && !r.retriers().isEmpty()
            ? new int[r.retriers().size()]
            : NO_RETRIERS;
    HistoryEvent entered =
        turn.event(
            flow, state.typeName() + "StateEntered", Details.entered(state.name(), flow.stateInput));
    flow.enteredEventId = entered.id();
    run(flow, state);
  }

  /** Does the state's work; also how a retry runs it again. */
  void run(Flow flow, State state) {
    flow.phase = Flow.Phase.READY;
    try {
      switch (state) {
        case PassState pass -> pass(flow, pass);
        case TaskState task -> new TaskRunner(turn).schedule(flow, task, effectiveInput(flow, task));
        case ChoiceState choice -> choice(flow, choice);
        case WaitState wait -> startWait(flow, wait);
        case SucceedState succeed -> succeed(flow, succeed);
        case FailState fail -> fail(flow, fail);
        case ParallelState parallel -> new Fan(turn).parallel(flow, parallel, effectiveInput(flow, parallel));
        case MapState map -> new Fan(turn).map(flow, map, input(flow, map));
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
    JsonNode effective = input(flow, pass);
    JsonNode result;
    if (pass.result() != null) {
      result = pass.result();
    } else if (pass.fields().parameters() != null) {
      result = pass.fields().parameters().evaluate(turn.context(flow, effective));
    } else {
      result = effective;
    }
    exit(flow, pass, output(flow, pass, result), pass.next());
  }

  private void choice(Flow flow, ChoiceState choice) {
    JsonNode effective = input(flow, choice);
    EvaluationContext context = turn.context(flow, effective);
    String next = choice.defaultNext();
    boolean matched = false;
    for (ChoiceRule rule : choice.choices()) {
      if (ConditionEvaluator.test(rule.condition(), context)) {
        next = rule.next();
        matched = true;
        break;
      }
    }
    if (!matched && next == null) {
      throw new StatesError(ErrorName.NO_CHOICE_MATCHED, "No Matches!");
    }
    JsonNode output = DataProcessing.select(choice.fields().outputPath(), effective, context);
    exit(flow, choice, output, next);
  }

  private void startWait(Flow flow, WaitState wait) {
    JsonNode effective = input(flow, wait);
    long due =
        wait.seconds() != null
            ? turn.now + seconds(flow, wait.seconds(), effective) * 1000
            : timestamp(flow, wait.timestamp(), effective);
    flow.phase = Flow.Phase.AWAITING_TIMER;
    turn.timer(flow, due, StepMessage.TimerPurpose.WAIT);
  }

  private void finishWait(Flow flow, WaitState wait) {
    try {
      JsonNode effective = input(flow, wait);
      JsonNode output =
          DataProcessing.select(
              wait.fields().outputPath(), effective, turn.context(flow, effective));
      exit(flow, wait, output, wait.next());
    } catch (StatesError e) {
      new Recovery(turn).stateFailed(flow, wait, e);
    }
  }

  private long seconds(Flow flow, DynamicValue seconds, JsonNode effective) {
    JsonNode value = read(flow, seconds, effective);
    if (!value.isIntegralNumber() || value.asLong() < 0) {
      String shown = seconds.isPath() ? seconds.path().text() + " == " + value : value.toString();
      throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + shown);
    }
    return value.asLong();
  }

  private long timestamp(Flow flow, DynamicValue timestamp, JsonNode effective) {
    JsonNode value = read(flow, timestamp, effective);
    OffsetDateTime when = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
    if (when == null) {
      throw StatesError.runtime(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time"
              + " format string: "
              + (timestamp.isPath() ? timestamp.path().text() + " == " : "")
              + value);
    }
    return when.toInstant().toEpochMilli();
  }

  private JsonNode read(Flow flow, DynamicValue value, JsonNode effective) {
    if (!value.isPath()) {
      return value.literal();
    }
    try {
      return value.path().read(turn.context(flow, effective));
    } catch (PathFailure e) {
      throw StatesError.runtime("Invalid path '" + value.path().text() + "' : " + e.getMessage());
    }
  }

  private void succeed(Flow flow, SucceedState succeed) {
    JsonNode effective = input(flow, succeed);
    JsonNode output =
        DataProcessing.select(succeed.fields().outputPath(), effective, turn.context(flow, effective));
    exit(flow, succeed, output, null);
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
    JsonNode text = read(flow, value, flow.stateInput);
    if (!text.isTextual()) {
      throw StatesError.runtime(
          "The " + value.field() + "Path field refers to a value that is not a string: " + text);
    }
    return text.textValue();
  }

  /** InputPath applied to the state's input. */
  JsonNode input(Flow flow, State state) {
    return DataProcessing.select(
        state.fields().inputPath(), flow.stateInput, turn.context(flow, flow.stateInput));
  }

  /** InputPath, then Parameters. */
  JsonNode effectiveInput(Flow flow, State state) {
    JsonNode input = input(flow, state);
    var parameters = state.fields().parameters();
    return parameters == null ? input : parameters.evaluate(turn.context(flow, input));
  }

  /** ResultSelector, ResultPath and OutputPath applied to a state's result. */
  JsonNode output(Flow flow, State state, JsonNode result) {
    var selector = state.fields().resultSelector();
    JsonNode selected =
        selector == null ? result : selector.evaluate(turn.context(flow, result));
    JsonNode combined =
        DataProcessing.applyResultPath(state.fields().resultPath(), flow.stateInput, selected);
    return DataProcessing.select(
        state.fields().outputPath(), combined, turn.context(flow, combined));
  }

  /** Leaves the state for {@code next}, or ends the flow when {@code next} is null. */
  void exit(Flow flow, State state, JsonNode output, String next) {
    turn.event(flow, state.typeName() + "StateExited", Details.exited(state.name(), output));
    if (next == null) {
      new Join(turn).flowSucceeded(flow, output);
      return;
    }
    flow.state = next;
    flow.stateInput = output;
    flow.phase = Flow.Phase.READY;
    turn.advance(flow);
  }
}
