package dev.mercury.invoke.knative;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.internal.FunctionCalls;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a Task's input to a Knative service (platform {@code knative}) as a CloudEvent in the HTTP
 * binding's binary mode (CloudEvents 1.0): the attributes travel as {@code ce-} headers and the
 * input, as JSON, is the body.
 *
 * <ul>
 *   <li>{@code ce-id} is the attempt's idempotency key, so a repeated delivery of one attempt is
 *       the same event (CloudEvents consumers deduplicate on source and id) and a retry is a new
 *       one;
 *   <li>{@code ce-source} is the execution's ARN, a URI naming who sent it;
 *   <li>{@code ce-type} is the connection's {@code type}, by default {@code dev.mercury.task};
 *   <li>{@code ce-subject} is the Task state's name.
 * </ul>
 *
 * <p>A function that replies with an event in binary mode gives its data as the body, which becomes
 * the result; an empty 2xx reply is a null result. A status outside 2xx is the error the reply
 * names or {@code Knative.StatusCode.NNN}.
 */
public final class KnativeInvoker implements Invoker {
  public static final String DEFAULT_TYPE = "dev.mercury.task";

  private final FunctionCalls calls;
  private final Connection connection;
  private final String type;

  public KnativeInvoker(FunctionCalls calls, Connection connection) {
    if (connection.url() == null) {
      throw new IllegalArgumentException(
          "connection \"" + connection.name() + "\" (platform knative) needs \"url\", the service");
    }
    this.calls = calls;
    this.connection = connection;
    this.type = connection.setting("type", DEFAULT_TYPE);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    HttpRequest.Builder event =
        calls
            .post(connection.url(), request)
            .header("ce-specversion", "1.0")
            .header("ce-id", request.idempotencyKey())
            .header("ce-source", connection.setting("source", request.executionArn()))
            .header("ce-type", type)
            .header("ce-subject", request.stateName())
            .header("ce-time", Instant.now().toString());
    return calls.send(
        connection, request, event, response -> FunctionCalls.reply(response, "Knative"));
  }
}
