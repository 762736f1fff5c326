package dev.mercury.invoke.http;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.invoke.internal.FunctionCalls;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;

/**
 * A function behind a plain HTTP endpoint (platform {@code http}): the Task's input is POSTed as
 * JSON to the connection's {@code url} and the JSON reply is the result. A status outside 2xx is
 * the error the reply names ({@code {"errorType": ..., "errorMessage": ...}}) or {@code
 * Http.StatusCode.NNN}. The attempt's idempotency key goes out as {@code Idempotency-Key}.
 */
public final class HttpFunctionInvoker implements Invoker {
  private final FunctionCalls calls;
  private final Connection connection;

  public HttpFunctionInvoker(FunctionCalls calls, Connection connection) {
    this.calls = calls;
    this.connection = connection;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    if (connection.url() == null) {
      // A connection that only lends an HTTP Task its credentials needs no url of its own.
      return CompletableFuture.completedFuture(
          TaskResult.failure(
              InvokeErrors.NO_INVOKER,
              "Connection \""
                  + connection.name()
                  + "\" has no \"url\"; calling it as a function needs one."));
    }
    return calls.send(
        connection,
        request,
        calls.post(connection.url(), request),
        response -> FunctionCalls.reply(response, "Http"));
  }
}
