package dev.mercury.invoke.openwhisk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.invoke.internal.FunctionCalls;
import dev.mercury.invoke.internal.FunctionReply;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Invokes an Apache OpenWhisk action (platform {@code openwhisk}) through the REST API: {@code POST
 * /api/v1/namespaces/{namespace}/actions/{action}?blocking=true&result=true} with the namespace's
 * API key ({@code uuid:key}) as basic auth. The connection's {@code namespace} defaults to {@code
 * _}, the key's own namespace; {@code function} may name a package's action, {@code pkg/action}.
 *
 * <p>OpenWhisk passes an action its parameters as one JSON object, so an input that is not an
 * object goes as {@code {"value": input}}. A 200 reply is the action's result. An action that fails
 * returns {@code {"error": ...}}, which OpenWhisk answers with 502: an error object with {@code
 * errorType} names the ASL error, anything else is {@code OpenWhisk.ActionError} with the error as
 * the cause. When an action outlives the blocking wait, OpenWhisk answers 202 with its activation
 * id; the invoker then reads the activation record until it is there or the call's time is up.
 * Other statuses (401, 404, 429, ...) are {@code OpenWhisk.StatusCode.NNN}. OpenWhisk has no
 * idempotency key; a repeated delivery invokes the action again.
 */
public final class OpenWhiskInvoker implements Invoker {
  public static final String ACTION_ERROR = "OpenWhisk.ActionError";
  static final long POLL_MILLIS = 500;

  private final FunctionCalls calls;
  private final Connection connection;
  private final String namespace;

  public OpenWhiskInvoker(FunctionCalls calls, Connection connection) {
    if (connection.url() == null) {
      throw new IllegalArgumentException(
          "connection \""
              + connection.name()
              + "\" (platform openwhisk) needs \"url\", the API host");
    }
    this.calls = calls;
    this.connection = connection;
    this.namespace = connection.setting("namespace", "_");
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    JsonNode input = request.parameters();
    ObjectNode parameters = input.isObject() ? (ObjectNode) input : wrap(input);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(actionUri())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(parameters)));
    URI endpoint = actionUri();
    return calls
        .exchange(connection, request, builder)
        .thenCompose(
            response -> {
              Reply reply = result(response);
              return reply.activationId() == null
                  ? CompletableFuture.completedFuture(reply.task())
                  : poll(request, reply.activationId(), deadline(request));
            })
        .exceptionally(e -> FunctionCalls.failure(e, endpoint));
  }

  /** What one reply says: a task result, or that the action runs on under this activation. */
  private record Reply(TaskResult task, String activationId) {}

  private Reply result(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 200) {
      return new Reply(FunctionReply.success(response.body(), null), null);
    }
    JsonNode body = parse(response.body());
    if (status == 202 && body.path("activationId").isTextual()) {
      return new Reply(null, body.get("activationId").asText());
    }
    if (status == 502 && body.has("error")) {
      return new Reply(actionError(body.get("error")), null);
    }
    String cause =
        body.path("error").isTextual()
            ? body.get("error").asText()
            : new String(response.body(), StandardCharsets.UTF_8);
    return new Reply(
        TaskResult.failure("OpenWhisk.StatusCode." + status, InvokeErrors.cause(cause)), null);
  }

  private static TaskResult actionError(JsonNode error) {
    if (error.path("errorType").isTextual()) {
      return FunctionReply.namedError(Json.write(error)).orElseThrow();
    }
    String cause = error.isTextual() ? error.asText() : Json.write(error);
    return TaskResult.failure(ACTION_ERROR, InvokeErrors.cause(cause));
  }

  /** Reads the activation record every half second until it exists or the deadline passes. */
  private CompletableFuture<TaskResult> poll(InvokeRequest request, String id, long deadline) {
    if (deadline > 0 && System.currentTimeMillis() >= deadline) {
      return CompletableFuture.completedFuture(
          TaskResult.failure(
              dev.mercury.language.error.ErrorName.TIMEOUT,
              "OpenWhisk activation " + id + " had not finished when the call's time was up."));
    }
    Executor later =
        CompletableFuture.delayedExecutor(
            POLL_MILLIS, TimeUnit.MILLISECONDS, calls.transport().executor());
    HttpRequest.Builder read = HttpRequest.newBuilder(activationUri(id)).GET();
    return CompletableFuture.supplyAsync(() -> read, later)
        .thenCompose(builder -> calls.send(connection, request, builder, OpenWhiskInvoker::record))
        .thenCompose(
            result ->
                result == null
                    ? poll(request, id, deadline)
                    : CompletableFuture.completedFuture(result));
  }

  /** The task result an activation record holds; null while OpenWhisk has none yet (404). */
  private static TaskResult record(HttpResponse<byte[]> response) {
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      return TaskResult.failure(
          "OpenWhisk.StatusCode." + response.statusCode(),
          InvokeErrors.cause(new String(response.body(), StandardCharsets.UTF_8)));
    }
    JsonNode outcome = parse(response.body()).path("response");
    JsonNode result = outcome.path("result");
    if (outcome.path("success").asBoolean(false)) {
      return TaskResult.success(result);
    }
    return actionError(result.has("error") ? result.get("error") : result);
  }

  private long deadline(InvokeRequest request) {
    var timeout = connection.timeoutFor(request);
    return timeout == null ? 0 : System.currentTimeMillis() + timeout.toMillis();
  }

  private URI actionUri() {
    String action =
        Arrays.stream(connection.function().split("/"))
            .map(OpenWhiskInvoker::segment)
            .collect(Collectors.joining("/"));
    return URI.create(
        base()
            + "/namespaces/"
            + segment(namespace)
            + "/actions/"
            + action
            + "?blocking=true&result=true");
  }

  private URI activationUri(String id) {
    return URI.create(base() + "/namespaces/" + segment(namespace) + "/activations/" + segment(id));
  }

  private String base() {
    return connection.url().toString().replaceAll("/+$", "") + "/api/v1";
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ObjectNode wrap(JsonNode input) {
    ObjectNode wrapped = Json.object();
    wrapped.set("value", input);
    return wrapped;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (Exception e) {
      return Json.object();
    }
  }
}
