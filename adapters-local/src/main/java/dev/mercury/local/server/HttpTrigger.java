package dev.mercury.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.api.StepFunctionsApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the Step Functions API over HTTP on the JDK's server, one virtual thread per request:
 * {@code POST /} with {@code X-Amz-Target}, as the AWS CLI and SDKs send it, and the web console on
 * {@code GET /}. Bodies are capped at AWS's request size.
 */
public final class HttpTrigger implements AutoCloseable {
  /** AWS's largest request: a 256 KiB input plus the rest of the request. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final HttpServer server;
  private final StepFunctionsApi api;

  private HttpTrigger(HttpServer server, StepFunctionsApi api) {
    this.server = server;
    this.api = api;
  }

  public static HttpTrigger start(String host, int port, StepFunctionsApi api) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    HttpTrigger trigger = new HttpTrigger(server, api);
    server.createContext("/", trigger::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return trigger;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (body == null) {
        answer(
            exchange,
            413,
            ApiResponse.CONTENT_TYPE,
            "{\"__type\":\"RequestEntityTooLargeException\",\"message\":\"Request is larger"
                + " than 1 MiB\"}");
      } else if (method.equals("GET") || method.equals("HEAD")) {
        Console.Page page = Console.file(path);
        answer(exchange, page.status(), page.contentType(), page.body());
      } else if (method.equals("POST") && path.equals(Console.FLOWCHART_PATH)) {
        Console.Page page = Console.flowchart(body);
        answer(exchange, page.status(), page.contentType(), page.body());
      } else if (!method.equals("POST")) {
        answer(
            exchange,
            405,
            ApiResponse.CONTENT_TYPE,
            "{\"__type\":\"UnknownOperationException\",\"message\":\"Use POST /\"}");
      } else {
        ApiResponse response = api.handle(request(exchange, body));
        answer(exchange, response.status(), ApiResponse.CONTENT_TYPE, response.body());
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    answer(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static ApiRequest request(HttpExchange exchange, byte[] body) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    URI uri = exchange.getRequestURI();
    return new ApiRequest(
        exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
