package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.jsonata.StatesBinding;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.ParallelState;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.State;
import dev.mercury.language.path.EvaluationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel and Map states: start child flows, launch further Map iterations as others end, and
 * finish the state when every child has.
 */
final class Fan {
  /** How many iterations an inline Map runs at once when MaxConcurrency does not say. */
  static final int DEFAULT_MAP_CONCURRENCY = 40;

  private final Turn turn;

  Fan(Turn turn) {
    this.turn = turn;
  }

  void parallel(Flow flow, ParallelState parallel, JsonNode input) {
    turn.event(flow, "ParallelStateStarted", null);
    int count = parallel.branches().size();
    Fork fork = open(flow, count);
    JsonText shared = turn.text(flow, input);
    for (int i = 0; i < count; i++) {
      Program branch = parallel.branches().get(i);
      start(flow, parallel, i, i, branch, input).stateInputText = shared;
      fork.launched++;
    }
  }

  void map(Flow flow, MapState map, JsonNode input) {
    MapConfiguration configuration = MapConfiguration.read(turn, flow, map, input);
    turn.event(flow, "MapStateStarted", lengthDetails(configuration.items().size()));
    Fork fork = open(flow, configuration.items().size());
    fork.items = configuration.items();
    fork.selectorInput = input;
    fork.maxConcurrency = configuration.maxConcurrency();
    fork.toleratedFailureCount = configuration.toleratedFailureCount();
    fork.toleratedFailurePercentage = configuration.toleratedFailurePercentage();
    startMapRun(flow, map);
    childEnded(flow, map);
  }

  /**
   * A distributed Map state's run is a Map Run, as in AWS, named by its Label or else its state
   * name; an inline Map has none. Mercury runs a Map Run's iterations as flows of the execution
   * itself, so their MapIteration events appear in its history, where AWS shows child executions.
   */
  private void startMapRun(Flow flow, MapState map) {
    JsonNode json = StateJson.of(turn.checkpoint.machine.definition(), flow.program, map.name());
    if (!StateJson.distributed(json)) {
      return;
    }
    String label = map.label() != null ? map.label() : map.name();
    flow.fork.mapRunArn = Arns.mapRun(turn.checkpoint.executionArn, label, flow.id, flow.seq);
    ObjectNode details = Json.object();
    details.put("mapRunArn", flow.fork.mapRunArn);
    turn.event(flow, "MapRunStarted", details);
  }

  /** UpdateMapRun: the running Map Run takes its new settings, and launches what they allow. */
  void update(Flow flow, StepMessage.MapRunUpdate update) {
    Fork fork = flow.fork;
    if (fork == null || !update.mapRunArn().equals(fork.mapRunArn)) {
      return;
    }
    if (update.maxConcurrency() != null) {
      fork.maxConcurrency = update.maxConcurrency();
    }
    if (update.toleratedFailureCount() != null) {
      fork.toleratedFailureCount = update.toleratedFailureCount();
    }
    if (update.toleratedFailurePercentage() != null) {
      fork.toleratedFailurePercentage = update.toleratedFailurePercentage();
    }
    turn.touched = true;
    childEnded(flow, turn.state(flow));
  }

  /** Launches what may run now, or finishes the state when every child has ended. */
  void childEnded(Flow parent, State state) {
    Fork fork = parent.fork;
    try {
      if (state instanceof MapState map) {
        int limit = fork.maxConcurrency == 0 ? DEFAULT_MAP_CONCURRENCY : fork.maxConcurrency;
        while (fork.launched < fork.total && fork.running() < limit) {
          launchIteration(parent, map, fork.launched);
          fork.launched++;
        }
      }
      if (fork.completed + fork.failed == fork.total) {
        finish(parent, state);
      }
    } catch (StatesError e) {
      new Join(turn).cancelChildren(parent, state);
      new Recovery(turn).stateFailed(parent, state, e);
    }
  }

  private void launchIteration(Flow parent, MapState map, int index) {
    Fork fork = parent.fork;
    JsonNode item = fork.items.get(index);
    JsonNode input = item;
    var mapItem = ContextObject.mapItem(index, item);
    if (map.itemSelector() != null) {
      EvaluationContext context =
          new EvaluationContext(
              fork.selectorInput,
              ContextObject.lazy(turn, parent, mapItem),
              turn.variables(parent));
      input = map.itemSelector().evaluate(context);
    } else if (map.itemSelectorJsonata() != null) {
      StatesBinding binding =
          new StatesBinding(
              parent.stateInput,
              null,
              null,
              () -> ContextObject.of(turn, parent, mapItem),
              turn.variables(parent));
      input = JsonataEvaluator.evaluate(map.itemSelectorJsonata(), "ItemSelector", binding);
    }
    HistoryEvent started = turn.event(parent, "MapIterationStarted", Join.iteration(map, index));
    Flow child = start(parent, map, 0, index, map.processor(), input);
    child.item = item;
    child.lastEventId = started.id();
  }

  /** Starts a child flow on {@code program}, the {@code branch}th of the state's programs. */
  private Flow start(
      Flow parent, State state, int branch, int index, Program program, JsonNode input) {
    Flow child = turn.checkpoint.newFlow(parent.id, index);
    List<String> key = new ArrayList<>(parent.program.size() + 2);
    key.addAll(parent.program);
    key.add(state.name());
    key.add(Integer.toString(branch));
    child.program = List.copyOf(key);
    // The program is at hand: spare the child looking it up again by its key.
    child.resolvedProgram = program;
    child.resolvedKey = child.program;
    child.state = program.startAt();
    child.stateInput = input;
    child.lastEventId = parent.lastEventId;
    turn.advance(child);
    return child;
  }

  private Fork open(Flow flow, int total) {
    Fork fork = new Fork();
    fork.total = total;
    fork.results = new JsonNode[total];
    flow.fork = fork;
    flow.phase = Flow.Phase.AWAITING_CHILDREN;
    return fork;
  }

  private void finish(Flow parent, State state) {
    ArrayNode results = Json.NODES.arrayNode(parent.fork.total);
    for (JsonNode result : parent.fork.results) {
      results.add(result);
    }
    if (parent.fork.mapRunArn != null) {
      turn.event(parent, "MapRunSucceeded", null);
    }
    parent.fork = null;
    turn.event(parent, state.typeName() + "StateSucceeded", null);
    StateRunner runner = new StateRunner(turn);
    runner.exit(parent, state, new DataFlow(turn).fromResult(parent, state, results), state.next());
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode lengthDetails(int length) {
    var details = Json.object();
    details.put("length", length);
    return details;
  }
}
