package dev.mercury.invoke.internal;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What every JSON-over-HTTP function call shares: the Task's parameters as the body, the
 * connection's credentials, the call's timeout, the attempt's {@code Idempotency-Key}, and the
 * mapping of a call that got no answer to {@code States.Timeout} or {@code
 * Mercury.ConnectionFailed}.
 */
public final class FunctionCalls {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpTransport transport;
  private final HttpAuth auth;

  public FunctionCalls(HttpTransport transport, HttpAuth auth) {
    this.transport = transport;
    this.auth = auth;
  }

  public HttpTransport transport() {
    return transport;
  }

  /** A POST of the request's parameters as JSON to {@code endpoint}. */
  public HttpRequest.Builder post(URI endpoint, InvokeRequest request) {
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header(IDEMPOTENCY_HEADER, request.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(request.parameters())));
  }

  /** Sends with the connection's credentials and timeout; {@code reply} reads the answer. */
  public CompletableFuture<TaskResult> send(
      Connection connection,
      InvokeRequest request,
      HttpRequest.Builder builder,
      Function<HttpResponse<byte[]>, TaskResult> reply) {
    URI endpoint = builder.build().uri();
    return exchange(connection, request, builder)
        .thenApply(reply)
        .exceptionally(e -> failure(e, endpoint));
  }

  /**
   * Sends with the connection's credentials and timeout and hands back the response as it is; a 401
   * drops a cached OAuth token first.
   */
  public CompletableFuture<HttpResponse<byte[]>> exchange(
      Connection connection, InvokeRequest request, HttpRequest.Builder builder) {
    Duration timeout = connection.timeoutFor(request);
    if (timeout != null) {
      builder.timeout(timeout);
    }
    return auth.apply(connection.auth(), builder)
        .thenCompose(ready -> transport.send(ready.build(), timeout))
        .thenApply(
            response -> {
              if (response.statusCode() == 401) {
                auth.refused(connection.auth());
              }
              return response;
            });
  }

  /** The task failure for a call to {@code endpoint} that got no answer. */
  public static TaskResult failure(Throwable thrown, URI endpoint) {
    return HttpTransport.failure(thrown, endpoint, InvokeErrors.CONNECTION_FAILED);
  }

  /**
   * The usual reading of a function's answer: 2xx is its JSON output; anything else is the error
   * the body names, or {@code <prefix>.StatusCode.NNN} with the body as the cause.
   */
  public static TaskResult reply(HttpResponse<byte[]> response, String prefix) {
    String type = response.headers().firstValue("Content-Type").orElse(null);
    if (response.statusCode() / 100 == 2) {
      return FunctionReply.success(response.body(), type);
    }
    return FunctionReply.failure(prefix + ".StatusCode." + response.statusCode(), response.body());
  }
}
