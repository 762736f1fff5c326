package dev.mercury.invoke;

import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.function.UnaryOperator;

/** Where one Task call goes, or why it cannot go anywhere. */
sealed interface Route {

  /**
   * A call through an invoker of one connection.
   *
   * @param key names the invoker and its concurrency limit
   * @param adapt the request as this invoker takes it
   * @param wrap the result as the Task expects it
   */
  record Call(
      String key,
      Connection connection,
      UnaryOperator<InvokeRequest> adapt,
      UnaryOperator<TaskResult> wrap)
      implements Route {
    Call(String key, Connection connection) {
      this(key, connection, UnaryOperator.identity(), UnaryOperator.identity());
    }
  }

  /** Nothing can make the call; the Task fails with {@code error} and this message. */
  record Missing(String error, String message) implements Route {}
}
