package dev.mercury.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Small builders for invoker tests. */
public final class Calls {
  private Calls() {}

  public static InvokeRequest request(String resource, String parameters) {
    return request(resource, parameters, 0);
  }

  public static InvokeRequest request(String resource, String parameters, long timeoutMillis) {
    return new InvokeRequest(
        "arn:aws:states:us-east-1:123456789012:execution:test:run",
        0,
        1,
        "Call",
        resource,
        Json.parseTrusted(parameters),
        0,
        timeoutMillis,
        null,
        "arn:aws:states:us-east-1:123456789012:execution:test:run/0/1");
  }

  /** Connections parsed from JSON text, with {@code env} as the environment. */
  public static Connections connections(String json, Map<String, String> env) {
    return Connections.parse(Json.parseTrusted(json), Path.of("."), env::get);
  }

  public static Connections connections(String json) {
    return connections(json, Map.of());
  }

  public static Connection connection(String name, String json) {
    return connections("{\"connections\": {\"" + name + "\": " + json + "}}")
        .named(name)
        .orElseThrow();
  }

  public static TaskResult call(Invoker invoker, InvokeRequest request) {
    try {
      return invoker.invoke(request).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the invoker did not complete normally", e);
    }
  }

  public static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }
}
