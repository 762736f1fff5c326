package dev.mercury.invoke.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.internal.HttpAuth;
import dev.mercury.invoke.internal.HttpTransport;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP Task, {@code arn:aws:states:::http:invoke}, with the output AWS documents: {@code
 * {"StatusCode": 200, "StatusText": "OK", "Headers": {"name": ["value"]}, "ResponseBody": ...}}.
 * The body is parsed when the reply says it is JSON and kept as text otherwise. A status outside
 * 2xx fails the task with {@code States.Http.StatusCode.NNN} and that same object, as JSON text,
 * for the cause; a call that gets no answer fails with {@code States.Http.Socket}, or {@code
 * States.Timeout} when it ran out of time. Without a Task or connection timeout a call may take 60
 * seconds, AWS's limit for an HTTP Task.
 *
 * <p>One invoker serves one connection: the EventBridge connection the Task names in {@code
 * Authentication.ConnectionArn}, resolved by the router to a Mercury connection, whose auth,
 * headers and query parameters every call carries. The attempt's idempotency key goes out as {@code
 * Idempotency-Key} unless the Task sets that header itself.
 */
public final class HttpTaskInvoker implements Invoker {
  public static final String RESOURCE = "arn:aws:states:::http:invoke";
  public static final String SOCKET_ERROR = "States.Http.Socket";
  public static final String STATUS_ERROR_PREFIX = "States.Http.StatusCode.";

  private static final Duration AWS_LIMIT = Duration.ofSeconds(60);

  private final HttpTransport transport;
  private final HttpAuth auth;
  private final Connection connection;

  public HttpTaskInvoker(HttpTransport transport, HttpAuth auth, Connection connection) {
    this.transport = transport;
    this.auth = auth;
    this.connection = connection;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    HttpTaskRequest call;
    try {
      call = HttpTaskRequest.of(request.parameters(), connection);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          TaskResult.failure(ErrorName.RUNTIME, e.getMessage()));
    }
    Duration timeout = connection.timeoutFor(request);
    Duration limit = timeout == null ? AWS_LIMIT : timeout;
    call.builder().timeout(limit);
    if (call.builder().build().headers().firstValue("Idempotency-Key").isEmpty()) {
      call.builder().header("Idempotency-Key", request.idempotencyKey());
    }
    return auth.apply(connection.auth(), call.builder())
        .thenCompose(builder -> transport.send(builder.build(), limit))
        .thenApply(this::result)
        .exceptionally(e -> HttpTransport.failure(e, call.endpoint(), SOCKET_ERROR));
  }

  private TaskResult result(HttpResponse<byte[]> response) {
    ObjectNode output = output(response);
    int status = response.statusCode();
    if (status / 100 == 2) {
      return TaskResult.success(output);
    }
    if (status == 401) {
      auth.refused(connection.auth());
    }
    return TaskResult.failure(STATUS_ERROR_PREFIX + status, Json.write(output));
  }

  static ObjectNode output(HttpResponse<byte[]> response) {
    ObjectNode output = Json.object();
    output.put("StatusCode", response.statusCode());
    output.put("StatusText", StatusText.of(response.statusCode()));
    ObjectNode headers = output.putObject("Headers");
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      if (header.getKey().startsWith(":")) {
        continue;
      }
      var values = headers.putArray(header.getKey().toLowerCase(Locale.ROOT));
      header.getValue().forEach(values::add);
    }
    output.set("ResponseBody", body(response));
    return output;
  }

  private static JsonNode body(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    boolean json = type.startsWith("application/json") || type.contains("+json");
    if (json && !text.isBlank()) {
      try {
        return Json.parse(text);
      } catch (Exception e) {
        // A reply that claims JSON and is not keeps its text, as the HTTP Task does for any text.
      }
    }
    return Json.NODES.textNode(text);
  }
}
