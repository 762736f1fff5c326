package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.State;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a flow. The top-level flow ends the execution; a branch or iteration hands its output
 * or error to the Parallel or Map state that started it.
 */
final class Join {
  private final Turn turn;

  Join(Turn turn) {
    this.turn = turn;
  }

  void flowSucceeded(Flow flow, JsonNode output) {
    if (flow.isRoot()) {
      Lifecycle.succeed(turn, flow, output);
      return;
    }
    Flow parent = turn.parent(flow);
    State state = turn.state(parent);
    if (state instanceof MapState) {
      turn.event(flow, "MapIterationSucceeded", iteration(state, flow.index));
    }
    turn.checkpoint.flows.remove(flow.id);
    parent.fork.results[flow.index] = output;
    parent.fork.completed++;
    new Fan(turn).childEnded(parent, state);
  }

  void flowFailed(Flow flow, String error, String cause) {
    if (flow.isRoot()) {
      Lifecycle.fail(turn, flow, error, cause);
      return;
    }
    Flow parent = turn.parent(flow);
    State state = turn.state(parent);
    turn.checkpoint.flows.remove(flow.id);
    if (state instanceof MapState map) {
      iterationFailed(flow, parent, map, error, cause);
      return;
    }
    cancelChildren(parent, state);
    turn.event(parent, "ParallelStateFailed", Details.error(error, cause));
    new Recovery(turn).handle(parent, state, error, cause);
  }

  private void iterationFailed(Flow flow, Flow parent, MapState map, String error, String cause) {
    turn.event(flow, "MapIterationFailed", iteration(map, flow.index));
    Fork fork = parent.fork;
    fork.failed++;
    boolean hasTolerance = fork.toleratedFailureCount >= 0 || fork.toleratedFailurePercentage >= 0;
    if (hasTolerance && withinTolerance(fork)) {
      fork.results[flow.index] = Recovery.errorOutput(error, cause);
      new Fan(turn).childEnded(parent, map);
      return;
    }
    String mapRunArn = fork.mapRunArn;
    cancelChildren(parent, map);
    if (hasTolerance) {
      error = ErrorName.EXCEED_TOLERATED_FAILURE_THRESHOLD;
      cause = "The specified tolerated failure threshold was exceeded";
    }
    if (mapRunArn != null) {
      turn.event(parent, "MapRunFailed", Details.error(error, cause));
    }
    turn.event(parent, "MapStateFailed", Details.error(error, cause));
    new Recovery(turn).handle(parent, map, error, cause);
  }

  private static boolean withinTolerance(Fork fork) {
    boolean byCount = fork.toleratedFailureCount >= 0 && fork.failed <= fork.toleratedFailureCount;
    boolean byPercentage =
        fork.toleratedFailurePercentage >= 0
            && fork.failed * 100.0 / fork.total <= fork.toleratedFailurePercentage;
    return byCount || byPercentage;
  }

  /** Ends every flow below {@code parent}; their pending messages then find no flow. */
  void cancelChildren(Flow parent, State state) {
    List<Flow> doomed = new ArrayList<>();
    for (Flow candidate : turn.checkpoint.flows.values()) {
      if (isBelow(candidate, parent)) {
        doomed.add(candidate);
      }
    }
    for (Flow flow : doomed) {
      if (flow.parentId == parent.id && state instanceof MapState) {
        turn.event(flow, "MapIterationAborted", iteration(state, flow.index));
      }
      turn.checkpoint.flows.remove(flow.id);
    }
    parent.fork = null;
  }

  private boolean isBelow(Flow candidate, Flow ancestor) {
    for (Flow f = candidate; f != null && !f.isRoot(); f = turn.parent(f)) {
      if (f.parentId == ancestor.id) {
        return true;
      }
    }
    return false;
  }

  static ObjectNode iteration(State map, int index) {
    ObjectNode details = Json.object();
    details.put("name", map.name());
    details.put("index", index);
    return details;
  }
}
