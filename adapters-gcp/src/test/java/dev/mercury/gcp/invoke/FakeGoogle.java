package dev.mercury.gcp.invoke;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's side of a call, on loopback: the OAuth token endpoint a service account key names
 * ({@code /token}, which checks the key's signed JWT assertion and issues an ID token), the
 * metadata server's identity endpoint, and functions under {@code /fn/NAME} that accept only an ID
 * token signed by this fake Google whose audience is their own URL, as Cloud Run's front end does.
 */
public final class FakeGoogle implements AutoCloseable {
  public static final String CLIENT_EMAIL = "mercury-invoker@mercury-test.iam.gserviceaccount.com";
  static final String METADATA_EMAIL = "default-compute@mercury-test.iam.gserviceaccount.com";
  static final String GOOGLE_KEY_ID = "fake-google-1";

  /** One function call that passed the front end. */
  public record Call(
      String function, Map<String, List<String>> headers, String body, JsonNode claims) {
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
      return new Reply(200, "application/json", body);
    }
  }

  public interface Function {
    Reply handle(Call call) throws Exception;
  }

  static final Function ECHO = call -> Reply.json(call.body());

  /** Made once per test run, as RSA key generation is slow: Google's keys and an impostor's. */
  private static final List<KeyPair> KEYS = List.of(rsa(), rsa(), rsa(), rsa());

  final KeyPair serviceAccountKey;
  final KeyPair googleKey;
  public final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<JsonNode> assertions = new CopyOnWriteArrayList<>();
  final AtomicInteger tokensIssued = new AtomicInteger();
  public final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  volatile Reply tokenEndpointOverride;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Function> functions = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  public FakeGoogle() throws IOException {
    this(0);
  }

  /** Another Google, with keys of its own, whose tokens the real one must refuse. */
  public static FakeGoogle impostor() throws IOException {
    return new FakeGoogle(2);
  }

  private FakeGoogle(int firstKey) throws IOException {
    serviceAccountKey = KEYS.get(firstKey);
    googleKey = KEYS.get(firstKey + 1);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", exchange -> respond(exchange, tokenEndpoint(exchange)));
    server.createContext("/computeMetadata/v1/", exchange -> respond(exchange, metadata(exchange)));
    server.createContext("/fn/", exchange -> respond(exchange, function(exchange)));
    server.setExecutor(threads);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String functionUrl(String name) {
    return base() + "/fn/" + name;
  }

  public FakeGoogle on(String name, Function function) {
    functions.put(name, function);
    return this;
  }

  /** A service account key file's JSON, whose token_uri is this server. */
  public String keyJson() {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(serviceAccountKey.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    ObjectNode key = Json.object();
    key.put("type", "service_account");
    key.put("project_id", "mercury-test");
    key.put("private_key_id", "key-1");
    key.put("private_key", pem);
    key.put("client_email", CLIENT_EMAIL);
    key.put("client_id", "1000000001");
    key.put("token_uri", base() + "/token");
    return Json.write(key);
  }

  private Reply tokenEndpoint(HttpExchange exchange) throws IOException {
    Reply override = tokenEndpointOverride;
    if (override != null) {
      return override;
    }
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      return oauthError("unsupported_grant_type", "Only JWT bearer grants are served here.");
    }
    Optional<JsonNode> assertion =
        Jwt.verify(
            form.getOrDefault("assertion", ""), serviceAccountKey.getPublic(), Instant.now());
    if (assertion.isEmpty()) {
      return oauthError("invalid_grant", "Invalid JWT Signature.");
    }
    assertions.add(assertion.get());
    JsonNode claims = assertion.get();
    if (!CLIENT_EMAIL.equals(claims.path("iss").asText())
        || !claims.path("aud").asText().equals(base() + "/token")
        || claims.path("target_audience").asText().isEmpty()) {
      return oauthError("invalid_grant", "Not an ID token request from the key's account.");
    }
    String idToken = idToken(claims.path("target_audience").asText(), CLIENT_EMAIL);
    return Reply.json(Json.write(Json.object().put("id_token", idToken)));
  }

  private Reply metadata(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
      return new Reply(403, "text/plain", "Missing Metadata-Flavor:Google header.");
    }
    if (!path.equals("/computeMetadata/v1/instance/service-accounts/default/identity")) {
      return new Reply(404, "text/plain", "Not found");
    }
    String audience = form(exchange.getRequestURI().getRawQuery()).get("audience");
    if (audience == null || audience.isEmpty()) {
      return new Reply(400, "text/plain", "non-empty audience parameter required");
    }
    return new Reply(200, "text/plain", idToken(audience, METADATA_EMAIL));
  }

  private String idToken(String audience, String email) {
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = Json.object();
    claims.put("iss", "https://accounts.google.com");
    claims.put("aud", audience);
    claims.put("azp", email);
    claims.put("email", email);
    claims.put("sub", "1000000001");
    claims.put("iat", now);
    claims.put("exp", now + 3600);
    tokensIssued.incrementAndGet();
    return Jwt.sign(claims, GOOGLE_KEY_ID, googleKey.getPrivate());
  }

  private Reply function(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/fn/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Optional<JsonNode> claims =
        authorization != null && authorization.startsWith("Bearer ")
            ? Jwt.verify(authorization.substring(7), googleKey.getPublic(), Instant.now())
            : Optional.empty();
    if (claims.isEmpty()
        || !claims.get().path("aud").asText().equals(functionUrl(name))
        || !claims.get().path("iss").asText().equals("https://accounts.google.com")) {
      refused.incrementAndGet();
      return new Reply(401, "text/html", "<html><title>401 Unauthorized</title></html>");
    }
    Function function = functions.get(name);
    if (function == null) {
      return new Reply(404, "text/html", "<html><title>404 Page not found</title></html>");
    }
    Call call = new Call(name, Map.copyOf(exchange.getRequestHeaders()), body, claims.get());
    calls.add(call);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      return function.handle(call);
    } catch (Exception e) {
      return new Reply(500, "text/plain", "Error: could not handle the request");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static Reply oauthError(String error, String description) {
    ObjectNode body = Json.object().put("error", error).put("error_description", description);
    return new Reply(400, "application/json", Json.write(body));
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

  private static void respond(HttpExchange exchange, Reply reply) throws IOException {
    try (exchange) {
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
