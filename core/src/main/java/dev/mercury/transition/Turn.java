package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.jsonata.StatesBinding;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.State;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;
import dev.mercury.language.path.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One transition in progress: the checkpoint it changes, the clock reading it uses throughout, and
 * the events and dispatches it produces. Lives for one call of {@link Transition#apply}.
 */
final class Turn {
  final Checkpoint checkpoint;
  final long now;
  final List<HistoryEvent> events = new ArrayList<>();
  final List<Dispatch> dispatches = new ArrayList<>();
  final Probe probe;

  /** Set when the checkpoint changed in a way no event or dispatch shows. */
  boolean touched;

  Turn(Checkpoint checkpoint, long now, Probe probe) {
    this.checkpoint = checkpoint;
    this.now = now;
    this.probe = probe;
  }

  /** Appends an event to the flow's line of history; a null flow means the execution's own. */
  HistoryEvent event(Flow flow, String type, ObjectNode details) {
    return add(flow, new HistoryEvent(nextEventId(), previousEventId(flow), now, type, details));
  }

  /**
   * Appends an event whose details {@code build} makes when they are first read; it must read only
   * values that never change.
   */
  HistoryEvent deferredEvent(Flow flow, String type, Supplier<ObjectNode> build) {
    return add(flow, HistoryEvent.deferred(nextEventId(), previousEventId(flow), now, type, build));
  }

  private long nextEventId() {
    return checkpoint.lastEventId + 1;
  }

  private long previousEventId(Flow flow) {
    return flow == null || flow.lastEventId == 0 ? checkpoint.lastEventId : flow.lastEventId;
  }

  private HistoryEvent add(Flow flow, HistoryEvent event) {
    checkpoint.lastEventId = event.id();
    events.add(event);
    if (flow != null) {
      flow.lastEventId = event.id();
    }
    return event;
  }

  /**
   * {@code value} with its JSON text, shared with the flow's input when it is that very value, so
   * that the events that show it write its text once.
   */
  JsonText text(Flow flow, JsonNode value) {
    if (flow.stateInputText != null && flow.stateInputText.wraps(value)) {
      return flow.stateInputText;
    }
    JsonText text = new JsonText(value);
    if (value == flow.stateInput) {
      flow.stateInputText = text;
    }
    return text;
  }

  void advance(Flow flow) {
    dispatches.add(
        new Dispatch.Publish(
            new StepMessage(
                checkpoint.executionArn, flow.id, flow.seq, new StepMessage.Advance())));
  }

  void timer(Flow flow, long dueMillis, StepMessage.TimerPurpose purpose) {
    dispatches.add(
        new Dispatch.Timer(
            dueMillis,
            new StepMessage(
                checkpoint.executionArn, flow.id, flow.seq, new StepMessage.TimerDue(purpose))));
  }

  void invoke(InvokeRequest request) {
    dispatches.add(new Dispatch.Invoke(request));
  }

  /** The flow's program, looked up in the state machine once per flow rather than per call. */
  Program program(Flow flow) {
    if (flow.resolvedKey != flow.program) {
      flow.resolvedProgram = checkpoint.machine.program(flow.program);
      flow.resolvedKey = flow.program;
    }
    return flow.resolvedProgram;
  }

  State state(Flow flow) {
    return program(flow).state(flow.state);
  }

  Flow parent(Flow flow) {
    return checkpoint.flows.get(flow.parentId);
  }

  /** What paths in the flow's current state see, with {@code input} as {@code $}. */
  EvaluationContext context(Flow flow, JsonNode input) {
    return new EvaluationContext(input, ContextObject.lazy(this, flow, null), variables(flow));
  }

  /** What JSONata in the flow's current state sees, with {@code input} as its input. */
  StatesBinding binding(Flow flow, JsonNode input) {
    return new StatesBinding(
        input, null, null, () -> ContextObject.of(this, flow, null), variables(flow));
  }

  /**
   * The value of a field given as a value, a path ({@code SecondsPath}) or a JSONata expression,
   * with {@code input} as what paths and expressions read.
   */
  JsonNode resolve(Flow flow, DynamicValue value, JsonNode input) {
    if (value.isPath()) {
      try {
        return value.path().read(context(flow, input));
      } catch (PathFailure e) {
        throw StatesError.runtime("Invalid path '" + value.path().text() + "' : " + e.getMessage());
      }
    }
    if (value.intrinsic() != null) {
      try {
        return value.intrinsic().evaluate(context(flow, input));
      } catch (PathFailure e) {
        throw StatesError.runtime(
            "The intrinsic function '"
                + value.intrinsic().text()
                + "' refers to a path that"
                + " selects nothing: "
                + e.getMessage());
      }
    }
    if (JsonataEvaluator.isExpression(value.literal())) {
      return JsonataEvaluator.evaluate(value.literal(), value.field(), binding(flow, input));
    }
    return value.literal();
  }

  /**
   * The error for a field whose value has the wrong type or range. From a JSONata expression it is
   * States.QueryEvaluationError, as AWS documents for type incompatibility and values out of range;
   * from a path or a literal, States.Runtime with {@code runtimeCause}.
   *
   * @param expected what the field takes, as in {@code 'integer'}
   */
  StatesError invalid(DynamicValue value, JsonNode found, String expected, String runtimeCause) {
    if (!value.isPath() && JsonataEvaluator.isExpression(value.literal())) {
      return JsonataEvaluator.failure(
          JsonataEvaluator.textOf(value.literal()),
          value.field(),
          "returned an unexpected result type. Expected '"
              + expected
              + "', but was '"
              + Json.typeName(found)
              + "' for value: "
              + Json.write(found));
    }
    return StatesError.runtime(runtimeCause);
  }

  /** The variables a flow sees: its own, then each enclosing flow's. */
  Variables variables(Flow flow) {
    return name -> {
      for (Flow f = flow; f != null; f = parent(f)) {
        if (f.variables != null) {
          JsonNode value = f.variables.get(name);
          if (value != null) {
            return value;
          }
        }
      }
      return null;
    };
  }
}
