package dev.mercury.invoke.openfaas;

import dev.mercury.invoke.CallbackReceiver;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.invoke.internal.FunctionCalls;
import dev.mercury.invoke.internal.FunctionReply;
import dev.mercury.invoke.internal.HttpTransport;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls a function through an OpenFaaS gateway (platform {@code openfaas}), with the gateway's
 * basic auth when the connection has it.
 *
 * <p>Synchronously, {@code POST /function/{name}}: the reply is the result. With {@code "async":
 * true}, {@code POST /async-function/{name}} with an {@code X-Callback-Url}: the gateway answers
 * 202 and queues the call, and the task completes when the queue worker posts the function's reply
 * to that URL, its status in {@code X-Function-Status}. Nothing holds a thread while it waits. A
 * status outside 2xx is the error the reply names or {@code OpenFaaS.StatusCode.NNN}; the attempt's
 * idempotency key goes out as {@code Idempotency-Key}, which the watchdog hands the function.
 */
public final class OpenFaasInvoker implements Invoker {
  static final String ERROR_PREFIX = "OpenFaaS";

  private final FunctionCalls calls;
  private final Connection connection;
  private final Supplier<CallbackReceiver> callbacks;
  private final boolean async;

  public OpenFaasInvoker(
      FunctionCalls calls, Connection connection, Supplier<CallbackReceiver> callbacks) {
    if (connection.url() == null) {
      throw new IllegalArgumentException(
          "connection \""
              + connection.name()
              + "\" (platform openfaas) needs \"url\", the gateway");
    }
    this.calls = calls;
    this.connection = connection;
    this.callbacks = callbacks;
    this.async = connection.settings().path("async").asBoolean(false);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    return async ? invokeAsync(request) : invokeSync(request);
  }

  private CompletableFuture<TaskResult> invokeSync(InvokeRequest request) {
    return calls.send(
        connection,
        request,
        calls.post(endpoint("function"), request),
        response -> FunctionCalls.reply(response, ERROR_PREFIX));
  }

  private CompletableFuture<TaskResult> invokeAsync(InvokeRequest request) {
    CallbackReceiver.Expected expected = callbacks.get().expect();
    var builder =
        calls
            .post(endpoint("async-function"), request)
            .header("X-Callback-Url", expected.url().toString());
    CompletableFuture<TaskResult> queued =
        calls.send(connection, request, builder, OpenFaasInvoker::accepted);
    return queued.thenCompose(
        failure -> {
          if (failure != null) {
            expected.cancel().run();
            return CompletableFuture.completedFuture(failure);
          }
          return answer(expected, connection.timeoutFor(request));
        });
  }

  /** Null when the gateway queued the call; otherwise the task's failure. */
  private static TaskResult accepted(HttpResponse<byte[]> response) {
    if (response.statusCode() == 202) {
      return null;
    }
    if (response.statusCode() / 100 == 2) {
      return TaskResult.failure(
          InvokeErrors.MALFORMED_REPLY,
          "The gateway answered "
              + response.statusCode()
              + " to an asynchronous call; it queues such calls with 202.");
    }
    return FunctionCalls.reply(response, ERROR_PREFIX);
  }

  private CompletableFuture<TaskResult> answer(
      CallbackReceiver.Expected expected, Duration timeout) {
    CompletableFuture<CallbackReceiver.Callback> callback = expected.callback();
    if (timeout != null) {
      callback = callback.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return callback
        .thenApply(OpenFaasInvoker::result)
        .exceptionally(
            e -> {
              expected.cancel().run();
              return HttpTransport.failure(
                  e, endpoint("async-function"), InvokeErrors.CONNECTION_FAILED);
            });
  }

  private static TaskResult result(CallbackReceiver.Callback callback) {
    String status = callback.header("X-Function-Status");
    int code = status == null ? 200 : Integer.parseInt(status.trim());
    if (code / 100 == 2) {
      return FunctionReply.success(callback.body(), callback.header("Content-Type"));
    }
    return FunctionReply.failure(ERROR_PREFIX + ".StatusCode." + code, callback.body());
  }

  private URI endpoint(String path) {
    String base = connection.url().toString().replaceAll("/+$", "");
    return URI.create(base + "/" + path + "/" + connection.function());
  }
}
