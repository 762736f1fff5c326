package dev.mercury.invoke.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.invoke.Connection;
import dev.mercury.language.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP Task's Parameters (or Arguments) as a request, with the fields AWS documents: {@code
 * ApiEndpoint}, {@code Method}, {@code Headers}, {@code QueryParameters}, {@code RequestBody} and
 * {@code Transform}. The connection adds its own {@code headers} and {@code queryParameters}, as an
 * EventBridge connection's invocation parameters do, and they win over the Task's. A field of the
 * wrong shape is an {@link IllegalArgumentException} whose message becomes the task's cause.
 */
record HttpTaskRequest(URI endpoint, String method, HttpRequest.Builder builder) {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

  /**
   * Headers AWS will not let a Task set (credentials come from the connection, framing from the
   * client), plus the ones the JDK's client refuses.
   */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "connection",
          "content-length",
          "content-encoding",
          "content-md5",
          "expect",
          "host",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via",
          "date",
          "max-forwards",
          "forwarded",
          "origin",
          "referer",
          "cookie");

  static HttpTaskRequest of(JsonNode parameters, Connection connection) {
    if (!parameters.isObject()) {
      throw new IllegalArgumentException("The HTTP Task's parameters must be an object.");
    }
    String method = method(parameters.path("Method"));
    URI endpoint = endpoint(parameters, connection);
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint);
    headers(builder, parameters.path("Headers"));
    headers(builder, connection.settings().path("headers"));
    body(builder, method, parameters);
    return new HttpTaskRequest(endpoint, method, builder);
  }

  private static String method(JsonNode node) {
    String method = node.asText("").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "The HTTP Task's Method must be one of " + METHODS + ", not " + node + ".");
    }
    return method;
  }

  private static URI endpoint(JsonNode parameters, Connection connection) {
    JsonNode node = parameters.path("ApiEndpoint");
    if (!node.isTextual()) {
      throw new IllegalArgumentException("The HTTP Task needs ApiEndpoint, the URL to call.");
    }
    List<String> query = new ArrayList<>();
    addQuery(query, parameters.path("QueryParameters"));
    addQuery(query, connection.settings().path("queryParameters"));
    try {
      URI uri = new URI(node.asText());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("ApiEndpoint must be an http or https URL.");
      }
      if (query.isEmpty()) {
        return uri;
      }
      String joined = String.join("&", query);
      String raw = uri.toString();
      return new URI(raw + (uri.getRawQuery() == null ? "?" : "&") + joined);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("ApiEndpoint is not a URL: " + e.getReason() + ".");
    }
  }

  /** Query parameters: each value a scalar or a list, a list repeating its key. */
  private static void addQuery(List<String> query, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("QueryParameters must be an object.");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode item : values) {
        query.add(FormEncoding.escape(field.getKey()) + "=" + FormEncoding.escape(text(item)));
      }
    }
  }

  private static void headers(HttpRequest.Builder builder, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Headers must be an object of header names to values.");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED_HEADERS.contains(lower)
          || lower.startsWith("x-amz-")
          || lower.startsWith("x-forwarded-")) {
        throw new IllegalArgumentException(
            "The HTTP Task may not set header '" + name + "'; credentials come from a connection.");
      }
      builder.setHeader(name, text(field.getValue()));
    }
  }

  private static void body(HttpRequest.Builder builder, String method, JsonNode parameters) {
    JsonNode body = parameters.path("RequestBody");
    if (body.isMissingNode()) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
      return;
    }
    JsonNode transform = parameters.path("Transform");
    String encoding = transform.path("RequestBodyEncoding").asText("NONE");
    String text;
    String type;
    if (encoding.equals("URL_ENCODED")) {
      if (!body.isObject()) {
        throw new IllegalArgumentException("A URL_ENCODED RequestBody must be an object.");
      }
      JsonNode format = transform.path("RequestEncodingOptions").path("ArrayFormat");
      text = FormEncoding.named(format.asText("INDICES")).encode(body);
      type = "application/x-www-form-urlencoded";
    } else if (encoding.equals("NONE")) {
      text = body.isTextual() ? body.asText() : Json.write(body);
      type = body.isTextual() ? "text/plain; charset=UTF-8" : "application/json; charset=UTF-8";
    } else {
      throw new IllegalArgumentException(
          "RequestBodyEncoding must be NONE or URL_ENCODED, not '" + encoding + "'.");
    }
    if (builder.build().headers().firstValue("Content-Type").isEmpty()) {
      builder.header("Content-Type", type);
    }
    builder.method(method, HttpRequest.BodyPublishers.ofString(text));
  }

  private static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      return String.join(",", items);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
