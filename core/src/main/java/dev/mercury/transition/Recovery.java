package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.data.DataProcessing;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import dev.mercury.language.jsonata.JsonataEvaluator;
import dev.mercury.language.jsonata.StatesBinding;
import dev.mercury.language.model.Catcher;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.model.Retrier;
import dev.mercury.language.model.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What happens when a state fails: the first retrier that names the error retries it after its
 * delay, held as a durable timer; once retries are spent, the first matching catcher takes over;
 * otherwise the flow fails.
 */
final class Recovery {
  private final Turn turn;

  Recovery(Turn turn) {
    this.turn = turn;
  }

  /**
   * A failure raised while evaluating the state. Runtime and query errors get the prefix AWS puts
   * on them, which names the state and the event it entered at.
   */
  void stateFailed(Flow flow, State state, StatesError failure) {
    String cause = failure.cause();
    if (failure.error().equals(ErrorName.RUNTIME)
        || failure.error().equals(ErrorName.QUERY_EVALUATION_ERROR)) {
      cause =
          "An error occurred while executing the state '"
              + state.name()
              + "' (entered at the event id #"
              + flow.enteredEventId
              + "). "
              + cause;
    }
    if (failure.error().equals(ErrorName.QUERY_EVALUATION_ERROR)) {
      turn.event(flow, "EvaluationFailed", evaluationFailed(state, failure, cause));
    }
    handle(flow, state, failure.error(), cause);
  }

  private static ObjectNode evaluationFailed(State state, StatesError failure, String cause) {
    ObjectNode details = Details.error(failure.error(), cause);
    if (failure.location() != null) {
      details.put("location", failure.location());
    }
    details.put("state", state.name());
    return details;
  }

  void handle(Flow flow, State state, String error, String cause) {
    if (state instanceof Recoverable recoverable) {
      if (retry(flow, recoverable.retriers(), error)) {
        return;
      }
      Catcher catcher = find(recoverable.catchers(), error);
      if (catcher != null) {
        recover(flow, state, catcher, error, cause);
        return;
      }
    }
    new Join(turn).flowFailed(flow, error, cause);
  }

  private boolean retry(Flow flow, List<Retrier> retriers, String error) {
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (!names(retrier.errorEquals(), error)) {
        continue;
      }
      if (flow.retryAttempts[i] >= retrier.maxAttempts()) {
        return false;
      }
      long delay =
          retrier.delayMillis(flow.retryAttempts[i], ThreadLocalRandom.current().nextDouble());
      flow.retryAttempts[i]++;
      flow.retryCount++;
      flow.phase = Flow.Phase.AWAITING_RETRY;
      turn.timer(flow, turn.now + delay, StepMessage.TimerPurpose.RETRY);
      return true;
    }
    return false;
  }

  private static Catcher find(List<Catcher> catchers, String error) {
    for (Catcher catcher : catchers) {
      if (names(catcher.errorEquals(), error)) {
        return catcher;
      }
    }
    return null;
  }

  private static boolean names(List<String> errorEquals, String error) {
    for (String pattern : errorEquals) {
      if (ErrorName.matches(pattern, error)) {
        return true;
      }
    }
    return false;
  }

  private void recover(Flow flow, State state, Catcher catcher, String error, String cause) {
    ObjectNode errorOutput = errorOutput(error, cause);
    DataFlow data = new DataFlow(turn);
    JsonNode output;
    Map<String, JsonNode> assigned;
    try {
      if (DataFlow.jsonata(state)) {
        StatesBinding binding = turn.binding(flow, flow.stateInput).withErrorOutput(errorOutput);
        output =
            catcher.output() == null
                ? errorOutput
                : JsonataEvaluator.evaluate(catcher.output(), "Output", binding);
        assigned = data.assignJsonata(catcher.assign(), binding);
      } else {
        output = DataProcessing.applyResultPath(catcher.resultPath(), flow.stateInput, errorOutput);
        assigned = data.assignJsonPath(flow, catcher.assign(), errorOutput);
      }
    } catch (StatesError e) {
      new Join(turn).flowFailed(flow, e.error(), e.cause());
      return;
    }
    data.setVariables(flow, assigned);
    new StateRunner(turn).exit(flow, state, output, catcher.next());
  }

  /**
   * The object a catcher passes on: {@code {"Error": ..., "Cause": ...}}, with an empty cause where
   * the error had none, as AWS gives it.
   */
  static ObjectNode errorOutput(String error, String cause) {
    ObjectNode output = Json.object();
    output.put("Error", error);
    output.put("Cause", cause == null ? "" : cause);
    return output;
  }
}
