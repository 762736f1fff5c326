package dev.mercury.azure.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure's side of a call, on loopback: Microsoft Entra's token endpoint for one tenant and one app
 * registration ({@code /TENANT/oauth2/v2.0/token}, client credentials only), and a Functions host
 * serving {@code /api/NAME}, where each function demands a function key (as {@code x-functions-key}
 * or {@code code}), a bearer token this Entra issued for the app's scope, or nothing.
 */
public final class FakeAzure implements AutoCloseable {
  static final String TENANT = "7f2a1c3e-0000-4000-8000-000000000001";
  static final String CLIENT_ID = "3b9d5e7f-0000-4000-8000-000000000002";
  static final String CLIENT_SECRET = "Mq8~fake.client-secret_for+tests";
  static final String SCOPE = "api://mercury-functions/.default";
  public static final String FUNCTION_KEY = "fK3y_z9/+fake==";

  private static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");

  public enum Auth {
    ANONYMOUS,
    KEY,
    TOKEN
  }

  public record Call(
      String function, Map<String, List<String>> headers, String query, String body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }
  }

  public record Reply(int status, String contentType, String body) {
    public static Reply json(String body) {
      return new Reply(200, "application/json; charset=utf-8", body);
    }
  }

  public interface Function {
    Reply handle(Call call) throws Exception;
  }

  static final Function ECHO = call -> Reply.json(call.body());

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  public final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  volatile long tokenLifetimeSeconds = 3599;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final Map<String, Auth> auth = new ConcurrentHashMap<>();
  private final Map<String, Function> functions = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  public FakeAzure() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::exchange);
    server.setExecutor(threads);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeAzure on(String name, Auth required, Function function) {
    auth.put(name, required);
    functions.put(name, function);
    return this;
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      Matcher token = TOKEN_PATH.matcher(path);
      Reply reply;
      if (token.matches()) {
        reply = token(token.group(1), form(body));
      } else if (path.startsWith("/api/")) {
        reply = function(exchange, path.substring("/api/".length()), body);
      } else {
        reply = new Reply(404, "text/plain", "");
      }
      send(exchange, reply);
    }
  }

  private Reply token(String tenant, Map<String, String> form) {
    tokenRequests.add(form);
    if (!tenant.equals(TENANT)) {
      return entraError(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return entraError(400, "unsupported_grant_type", "AADSTS70003: Unsupported grant type.");
    }
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return entraError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    if (!SCOPE.equals(form.get("scope"))) {
      return entraError(400, "invalid_scope", "AADSTS70011: The provided scope is not valid.");
    }
    String value = UUID.randomUUID().toString();
    issued.put(value, Instant.now().plusSeconds(tokenLifetimeSeconds));
    ObjectNode answer = Json.object();
    answer.put("token_type", "Bearer");
    answer.put("expires_in", tokenLifetimeSeconds);
    answer.put("ext_expires_in", tokenLifetimeSeconds);
    answer.put("access_token", value);
    return Reply.json(Json.write(answer));
  }

  private Reply function(HttpExchange exchange, String name, String body) {
    Function function = functions.get(name);
    if (function == null) {
      return new Reply(404, "text/plain", "");
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (!authorized(auth.get(name), exchange, query)) {
      refused.incrementAndGet();
      return new Reply(401, "text/plain", "");
    }
    Call call = new Call(name, Map.copyOf(exchange.getRequestHeaders()), query, body);
    calls.add(call);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      return function.handle(call);
    } catch (Exception e) {
      return new Reply(500, "text/plain", "");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private boolean authorized(Auth required, HttpExchange exchange, String query) {
    return switch (required) {
      case ANONYMOUS -> true;
      case KEY ->
          FUNCTION_KEY.equals(exchange.getRequestHeaders().getFirst("x-functions-key"))
              || FUNCTION_KEY.equals(form(query).get("code"));
      case TOKEN -> {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
          yield false;
        }
        Instant expires = issued.get(authorization.substring("Bearer ".length()));
        yield expires != null && Instant.now().isBefore(expires);
      }
    };
  }

  private static Reply entraError(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    body.putArray("error_codes")
        .add(Integer.parseInt(description.replaceAll("\\D*(\\d+).*", "$1")));
    return new Reply(status, "application/json; charset=utf-8", Json.write(body));
  }

  private static Map<String, String> form(String text) {
    Map<String, String> form = new HashMap<>();
    if (text == null) {
      return form;
    }
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
