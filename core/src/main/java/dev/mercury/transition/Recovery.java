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
    handle(flow, state, failure.error(), recorded(flow, state, failure));
  }

  /**
   * The cause of a failure raised while evaluating the state, with AWS's prefix on runtime and
   * query errors; a query error is also recorded in an EvaluationFailed event.
   */
  private String recorded(Flow flow, State state, StatesError failure) {
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
    return cause;
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
      int catcher = find(recoverable.catchers(), error);
      if (catcher >= 0) {
        recover(flow, state, recoverable.catchers().get(catcher), catcher, error, cause);
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

  /** The index of the first catcher that names the error, or -1. */
  private static int find(List<Catcher> catchers, String error) {
    for (int i = 0; i < catchers.size(); i++) {
      if (names(catchers.get(i).errorEquals(), error)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean names(List<String> errorEquals, String error) {
    for (String pattern : errorEquals) {
      if (ErrorName.matches(pattern, error)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Goes on at the catcher's Next. A catcher's own fields are named in errors under its index, as
   * {@code Catch[1]/Output/v}; when one fails, the state fails for good, with the cause and the
   * EvaluationFailed event any failure of the state gets.
   */
  private void recover(
      Flow flow, State state, Catcher catcher, int index, String error, String cause) {
    ObjectNode errorOutput = errorOutput(error, cause);
    DataFlow data = new DataFlow(turn);
    String field = "Catch[" + index + "]/";
    JsonNode output;
    Map<String, JsonNode> assigned;
    try {
      if (DataFlow.jsonata(state)) {
        StatesBinding binding = turn.binding(flow, flow.stateInput).withErrorOutput(errorOutput);
        output =
            catcher.output() == null
                ? errorOutput
                : JsonataEvaluator.evaluate(catcher.output(), field + "Output", binding);
        assigned = data.assignJsonata(catcher.assign(), field + "Assign", binding);
      } else {
        output = DataProcessing.applyResultPath(catcher.resultPath(), flow.stateInput, errorOutput);
        assigned = data.assignJsonPath(flow, catcher.assign(), errorOutput);
      }
      data.setVariables(flow, assigned);
    } catch (StatesError e) {
      new Join(turn).flowFailed(flow, e.error(), recorded(flow, state, e));
      return;
    }
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
