package dev.mercury.tests.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * Plays the Azure Functions host on loopback for the app in {@code mercury-azure-functions.zip}:
 * reads host.json and each function.json from the zip, routes requests by their routes, refuses a
 * FUNCTION-level trigger without the function key, and calls the entry point each names, by
 * reflection, on the instance the app's class makes, with the request the Java worker would build.
 */
final class AzureHost implements AutoCloseable {
  static final String FUNCTION_KEY = "step-key-" + UUID.randomUUID();

  /** One function of the app, as its function.json describes it. */
  record Function(
      String name, String route, List<String> methods, String authLevel, Method entry) {}

  private final HttpServer server;
  private final List<Function> functions;
  private final String routePrefix;
  private final Supplier<Object> instances;

  private AzureHost(
      HttpServer server, List<Function> functions, String routePrefix, Supplier<Object> instances) {
    this.server = server;
    this.functions = functions;
    this.routePrefix = routePrefix;
    this.instances = instances;
  }

  /** The app's functions, read from the built zip. */
  static Map<String, JsonNode> appFiles() throws IOException {
    Path zip = Path.of(System.getProperty("mercury.azure.zip", "missing"));
    Assumptions.assumeTrue(Files.isRegularFile(zip), "the Azure Functions zip is not built");
    Map<String, JsonNode> files = new HashMap<>();
    try (ZipFile app = new ZipFile(zip.toFile())) {
      app.stream()
          .filter(entry -> entry.getName().endsWith(".json"))
          .forEach(
              entry -> {
                try {
                  files.put(
                      entry.getName(),
                      Json.parseTrusted(
                          new String(
                              app.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertJarInside(app, files);
    }
    return files;
  }

  private static void assertJarInside(ZipFile app, Map<String, JsonNode> files) {
    files.forEach(
        (name, json) -> {
          if (json.has("scriptFile")) {
            String jar =
                Path.of(name)
                    .getParent()
                    .resolve(json.get("scriptFile").asText())
                    .normalize()
                    .toString();
            if (app.getEntry(jar) == null) {
              throw new IllegalStateException(name + " names " + jar + ", which the zip lacks");
            }
          }
        });
  }

  /** Serves the app; {@code instances} makes the object whose methods the entry points name. */
  static AzureHost start(Map<String, JsonNode> files, Supplier<Object> instances) throws Exception {
    List<Function> functions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> file : files.entrySet()) {
      if (!file.getKey().endsWith("/function.json")) {
        continue;
      }
      JsonNode json = file.getValue();
      String entryPoint = json.get("entryPoint").asText();
      int dot = entryPoint.lastIndexOf('.');
      Class<?> type = Class.forName(entryPoint.substring(0, dot));
      Method entry = null;
      for (Method method : type.getMethods()) {
        if (method.getName().equals(entryPoint.substring(dot + 1))) {
          entry = method;
        }
      }
      JsonNode trigger = json.get("bindings").get(0);
      List<String> methods = new ArrayList<>();
      trigger.path("methods").forEach(m -> methods.add(m.asText().toUpperCase(Locale.ROOT)));
      String name = file.getKey().substring(0, file.getKey().indexOf('/'));
      functions.add(
          new Function(
              name,
              trigger.path("route").asText(name),
              methods,
              trigger.path("authLevel").asText().toUpperCase(Locale.ROOT),
              entry));
    }
    // Literal routes before the catch-all, as the host's router orders them.
    functions.sort(
        (a, b) -> Boolean.compare(a.route().startsWith("{*"), b.route().startsWith("{*")));
    String prefix =
        files.get("host.json").path("extensions").path("http").path("routePrefix").asText("api");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AzureHost host = new AzureHost(server, functions, prefix, instances);
    server.createContext("/", host::handle);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return host;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath().substring(1);
      if (!routePrefix.isEmpty()) {
        if (!path.startsWith(routePrefix)) {
          send(exchange, 404, "");
          return;
        }
        path = path.substring(routePrefix.length()).replaceFirst("^/", "");
      }
      Function function = route(path);
      if (function == null || !function.methods().contains(exchange.getRequestMethod())) {
        send(exchange, 404, "");
        return;
      }
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      if (function.authLevel().equals("FUNCTION") && !keyGiven(exchange, uri)) {
        send(exchange, 401, "");
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      AzureRequest request =
          new AzureRequest(
              URI.create(
                  "https://mercury-app.azurewebsites.net"
                      + uri.getRawPath()
                      + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())),
              HttpMethod.value(exchange.getRequestMethod()),
              headers,
              body.length == 0 ? Optional.empty() : Optional.of(body));
      HttpResponseMessage response;
      try {
        response =
            (HttpResponseMessage)
                function.entry().invoke(instances.get(), request, context(function));
      } catch (ReflectiveOperationException e) {
        send(exchange, 500, String.valueOf(e.getCause()));
        return;
      }
      String contentType = response.getHeader("Content-Type");
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      send(exchange, response.getStatusCode(), String.valueOf(response.getBody()));
    }
  }

  private Function route(String path) {
    for (Function function : functions) {
      if (function.route().startsWith("{*") || function.route().equals(path)) {
        return function;
      }
    }
    return null;
  }

  private static boolean keyGiven(HttpExchange exchange, URI uri) {
    String header = exchange.getRequestHeaders().getFirst("x-functions-key");
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return FUNCTION_KEY.equals(header)
        || List.of(query.split("&")).contains("code=" + FUNCTION_KEY);
  }

  private static ExecutionContext context(Function function) {
    String invocation = UUID.randomUUID().toString();
    return new ExecutionContext() {
      @Override
      public Logger getLogger() {
        return Logger.getLogger("Function." + function.name());
      }

      @Override
      public String getInvocationId() {
        return invocation;
      }

      @Override
      public String getFunctionName() {
        return function.name();
      }
    };
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
