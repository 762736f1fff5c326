package dev.mercury.aws.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke REST API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) served
 * on loopback. Every request must carry a valid SigV4 signature for this server's key pair, or it
 * is refused with 403 InvalidSignatureException as Lambda refuses it. Functions are handlers the
 * test registers; an unknown one is 404 ResourceNotFoundException.
 */
public final class FakeLambda implements AutoCloseable {
  public static final String ACCESS_KEY_ID = "AKIDMERCURYTEST0001";
  public static final String SECRET_ACCESS_KEY = "mercury+test/Secret0KeyNeverUsedOutsideTests0";
  static final String ACCOUNT = "123456789012";

  private static final Pattern INVOKE_PATH =
      Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
  private static final Pattern SCOPE_REGION =
      Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/lambda/aws4_request");

  /** One request that passed the signature check. */
  public record Received(
      String functionName,
      String qualifier,
      String region,
      String invocationType,
      Map<String, List<String>> headers,
      String body) {

    public String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** An answer; {@code truncate} declares the body's length but sends only half of it. */
  public record Reply(int status, Map<String, String> headers, String body, boolean truncate) {

    public static Reply ok(String payload) {
      return new Reply(200, executed(), payload, false);
    }

    public static Reply functionError(String payload) {
      Map<String, String> headers = executed();
      headers.put("X-Amz-Function-Error", "Unhandled");
      return new Reply(200, headers, payload, false);
    }

    public static Reply serviceError(int status, String type, String message) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("x-amzn-ErrorType", type);
      String body = "{\"Type\":\"User\",\"message\":\"" + message + "\"}";
      return new Reply(status, headers, body, false);
    }

    static Reply raw(int status, String contentType, String body) {
      return new Reply(
          status, new LinkedHashMap<>(Map.of("Content-Type", contentType)), body, false);
    }

    Reply truncated() {
      return new Reply(status, headers, body, true);
    }

    private static Map<String, String> executed() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("X-Amz-Executed-Version", "$LATEST");
      return headers;
    }
  }

  public interface Function {
    Reply handle(Received request) throws Exception;
  }

  /** Echoes the payload, answering Event and DryRun invocations as Lambda does. */
  static final Function ECHO =
      request ->
          switch (request.invocationType()) {
            case "Event" -> new Reply(202, new LinkedHashMap<>(), "", false);
            case "DryRun" -> new Reply(204, new LinkedHashMap<>(), "", false);
            default -> Reply.ok(request.body());
          };

  public final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger rejected = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();

  private final Map<String, Function> functions = new ConcurrentHashMap<>();
  private final SigV4Verifier verifier =
      new SigV4Verifier(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "lambda", Duration.ofMinutes(5));
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  public FakeLambda() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::exchange);
    server.setExecutor(threads);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeLambda on(String functionName, Function function) {
    functions.put(functionName, function);
    return this;
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Reply reply = answer(exchange, body);
      send(exchange, reply);
    }
  }

  private Reply answer(HttpExchange exchange, byte[] body) {
    URI uri = exchange.getRequestURI();
    SigV4Verifier.SignedRequest signed =
        new SigV4Verifier.SignedRequest(
            exchange.getRequestMethod(),
            uri.getRawPath(),
            uri.getRawQuery(),
            exchange.getRequestHeaders(),
            body);
    Optional<String> problem = verifier.problem(signed, Instant.now());
    if (problem.isPresent()) {
      rejected.incrementAndGet();
      return Reply.serviceError(403, "InvalidSignatureException", problem.get());
    }
    Matcher path = INVOKE_PATH.matcher(uri.getRawPath());
    if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
      return Reply.serviceError(404, "UnknownOperationException", "Unknown operation");
    }
    Received request = received(exchange, path.group(1), body);
    received.add(request);
    return run(request);
  }

  private Received received(HttpExchange exchange, String rawName, byte[] body) {
    String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
    String qualifier = query(exchange.getRequestURI().getRawQuery(), "Qualifier");
    if (name.startsWith("arn:")) {
      String[] arn = name.split(":");
      name = arn[6];
      qualifier = arn.length > 7 ? arn[7] : qualifier;
    }
    Matcher scope = SCOPE_REGION.matcher(exchange.getRequestHeaders().getFirst("Authorization"));
    String invocationType = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
    return new Received(
        name,
        qualifier,
        scope.find() ? scope.group(1) : null,
        invocationType == null ? "RequestResponse" : invocationType,
        Map.copyOf(exchange.getRequestHeaders()),
        new String(body, StandardCharsets.UTF_8));
  }

  private Reply run(Received request) {
    Function function = functions.get(request.functionName());
    if (function == null) {
      return Reply.serviceError(
          404,
          "ResourceNotFoundException",
          "Function not found: arn:aws:lambda:"
              + request.region()
              + ":"
              + ACCOUNT
              + ":function:"
              + request.functionName());
    }
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      return function.handle(request);
    } catch (Exception e) {
      return Reply.serviceError(500, "ServiceException", "The fake function threw " + e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static String query(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    long length = bytes.length == 0 ? -1 : bytes.length;
    exchange.sendResponseHeaders(reply.status(), length);
    if (bytes.length > 0) {
      OutputStream out = exchange.getResponseBody();
      // A truncated reply leaves the declared length unmet; closing the exchange then drops the
      // connection.
      out.write(bytes, 0, reply.truncate() ? bytes.length / 2 : bytes.length);
      out.flush();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
