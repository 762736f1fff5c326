package dev.mercury.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code connections} section of a Mercury config file, read once before a run:
 *
 * <pre>{@code
 * {"connections": {
 *    "resize": {"platform": "openfaas", "url": "http://127.0.0.1:8080", "function": "resize",
 *               "auth": {"basic": {"username": "admin", "passwordEnv": "OPENFAAS_PASSWORD"}},
 *               "timeoutSeconds": 30, "maxConcurrency": 16}},
 *  "callbacks": {"bind": "127.0.0.1:0", "url": "http://mercury.internal:8099"}}
 * }</pre>
 *
 * Secrets come from environment variables named by the {@code ...Env} fields, so a config file can
 * be committed; a literal {@code password}, {@code value}, {@code token} or {@code clientSecret}
 * works too, for local use. A missing variable or an unknown field is an {@link
 * IllegalArgumentException} naming where it is.
 */
public final class Connections {
  private final Map<String, Connection> byName;
  private final CallbackSettings callbacks;

  /**
   * Where the callback receiver listens and which URL it gives platforms that call back.
   *
   * @param bind host:port to listen on; port 0 picks a free one
   * @param url the base URL platforms reach it by; null means the address it listens on
   */
  public record CallbackSettings(String bind, URI url) {
    public static final CallbackSettings LOOPBACK = new CallbackSettings("127.0.0.1:0", null);
  }

  private Connections(Map<String, Connection> byName, CallbackSettings callbacks) {
    this.byName = byName;
    this.callbacks = callbacks;
  }

  public static Connections none() {
    return new Connections(Map.of(), CallbackSettings.LOOPBACK);
  }

  /** Reads a config file; secrets come from this process's environment. */
  public static Connections read(Path file) throws IOException {
    String text = Files.readString(file);
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": the config file is not valid JSON: "
              + e.getOriginalMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    try {
      return parse(root, base, System::getenv);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /** Parses a config file's JSON; {@code env} looks up the variables that hold secrets. */
  public static Connections parse(JsonNode root, Path baseDirectory, Function<String, String> env) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("the config file must hold a JSON object");
    }
    Map<String, Connection> byName = new LinkedHashMap<>();
    JsonNode connections = root.path("connections");
    if (!connections.isMissingNode() && !connections.isObject()) {
      throw new IllegalArgumentException("\"connections\" must be an object of named connections");
    }
    for (Map.Entry<String, JsonNode> entry : connections.properties()) {
      ConnectionReader reader = new ConnectionReader(entry.getKey(), baseDirectory, env);
      byName.put(entry.getKey(), reader.read(entry.getValue()));
    }
    return new Connections(byName, callbacks(root.path("callbacks")));
  }

  private static CallbackSettings callbacks(JsonNode node) {
    if (node.isMissingNode()) {
      return CallbackSettings.LOOPBACK;
    }
    String bind = node.path("bind").asText(CallbackSettings.LOOPBACK.bind());
    JsonNode url = node.path("url");
    try {
      return new CallbackSettings(bind, url.isTextual() ? new URI(url.asText()) : null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("callbacks.url is not a URL: " + e.getMessage());
    }
  }

  public Optional<Connection> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The connection that answers a Lambda function, named by ARN (with or without a version or
   * alias) or by bare name, through its {@code resources} list.
   */
  public Optional<Connection> forLambda(String function) {
    for (Connection connection : byName.values()) {
      for (String resource : connection.resources()) {
        if (LambdaNames.same(resource, function)) {
          return Optional.of(connection);
        }
      }
    }
    return Optional.empty();
  }

  /** The first connection of a platform that answers no particular resources: its default. */
  public Optional<Connection> defaultFor(String platform) {
    return byName.values().stream()
        .filter(c -> c.platform().equals(platform) && c.resources().isEmpty())
        .findFirst();
  }

  public Collection<Connection> all() {
    return byName.values();
  }

  public CallbackSettings callbacks() {
    return callbacks;
  }

  /** Reads one connection, naming it in every complaint. */
  private record ConnectionReader(String name, Path base, Function<String, String> env) {
    private static final Set<String> BUILT_IN =
        Set.of("http", "openfaas", "knative", "openwhisk", "process");
    private static final List<String> FIELDS =
        List.of(
            "platform",
            "url",
            "function",
            "auth",
            "timeoutSeconds",
            "maxConcurrency",
            "resources",
            "async",
            "namespace",
            "source",
            "type",
            "headers",
            "queryParameters",
            "command",
            "workingDirectory",
            "env",
            "comment");

    Connection read(JsonNode node) {
      if (!node.isObject()) {
        throw problem("must be an object");
      }
      String platform = text(node, "platform");
      if (platform == null) {
        throw problem("needs \"platform\" (http, openfaas, knative, openwhisk, process, ...)");
      }
      // A platform registered by a provider (aws-lambda, gcp-functions, ...) has settings of its
      // own, which its provider checks when the Router makes the connection's invoker.
      if (BUILT_IN.contains(platform)) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (!FIELDS.contains(field.getKey())) {
            throw problem("has unknown field \"" + field.getKey() + "\"; known: " + FIELDS);
          }
        }
      }
      return new Connection(
          name,
          platform,
          url(node),
          node.path("function").asText(name),
          auth(node.path("auth")),
          timeout(node),
          maxConcurrency(node),
          resources(node.path("resources")),
          node,
          base);
    }

    private URI url(JsonNode node) {
      String text = text(node, "url");
      if (text == null) {
        return null;
      }
      try {
        URI uri = new URI(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw problem("\"url\" must be an http or https URL");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw problem("\"url\" is not a URL: " + e.getReason());
      }
    }

    private Duration timeout(JsonNode node) {
      JsonNode value = node.path("timeoutSeconds");
      if (value.isMissingNode()) {
        return null;
      }
      if (!value.isNumber() || value.asDouble() <= 0) {
        throw problem("\"timeoutSeconds\" must be a positive number");
      }
      return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private int maxConcurrency(JsonNode node) {
      JsonNode value = node.path("maxConcurrency");
      if (value.isMissingNode()) {
        return Connection.DEFAULT_MAX_CONCURRENCY;
      }
      if (!value.isInt() || value.asInt() < 1) {
        throw problem("\"maxConcurrency\" must be a whole number of at least 1");
      }
      return value.asInt();
    }

    private List<String> resources(JsonNode node) {
      if (node.isMissingNode()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw problem("\"resources\" must be a list of Lambda function ARNs or names");
      }
      List<String> list = new ArrayList<>();
      node.forEach(item -> list.add(item.asText()));
      return List.copyOf(list);
    }

    private Auth auth(JsonNode node) {
      if (node.isMissingNode() || node.isNull()) {
        return Auth.NONE;
      }
      if (!node.isObject() || node.size() != 1) {
        throw problem("\"auth\" must hold one of basic, apiKey, bearer, oauth");
      }
      Map.Entry<String, JsonNode> kind = node.properties().iterator().next();
      JsonNode value = kind.getValue();
      String where = "auth." + kind.getKey();
      return switch (kind.getKey()) {
        case "basic" -> basic(value, where);
        case "apiKey" -> new Auth.ApiKey(required(value, "header", where), secret(value, "value"));
        case "bearer" -> new Auth.Bearer(secret(value, "token"));
        case "oauth" -> oauth(value, where);
        default ->
            throw problem(
                "has auth kind \"" + kind.getKey() + "\"; known: basic, apiKey, bearer, oauth");
      };
    }

    /** Basic credentials, either as username and password or as OpenWhisk's one {@code u:k}. */
    private Auth basic(JsonNode value, String where) {
      if (value.has("credentialsEnv") || value.has("credentials")) {
        String both = secret(value, "credentials").reveal();
        int colon = both.indexOf(':');
        if (colon < 0) {
          throw problem(where + ".credentials must have the form user:password");
        }
        return new Auth.Basic(both.substring(0, colon), Secret.of(both.substring(colon + 1)));
      }
      return new Auth.Basic(required(value, "username", where), secret(value, "password"));
    }

    private Auth oauth(JsonNode value, String where) {
      try {
        return new Auth.OAuthClientCredentials(
            new URI(required(value, "tokenUrl", where)),
            required(value, "clientId", where),
            secret(value, "clientSecret"),
            text(value, "scope"));
      } catch (URISyntaxException e) {
        throw problem(where + ".tokenUrl is not a URL: " + e.getReason());
      }
    }

    /** A secret from {@code FIELDEnv} (a variable's name) or, for local use, {@code FIELD}. */
    private Secret secret(JsonNode node, String field) {
      String variable = text(node, field + "Env");
      if (variable != null) {
        String value = env.apply(variable);
        if (value == null) {
          throw problem(
              "reads its " + field + " from environment variable " + variable + ", which is unset");
        }
        return Secret.of(value);
      }
      String literal = text(node, field);
      if (literal == null) {
        throw problem("needs " + field + "Env (an environment variable's name) or " + field);
      }
      return Secret.of(literal);
    }

    private String required(JsonNode node, String field, String where) {
      String value = text(node, field);
      if (value == null) {
        throw problem(where + " needs \"" + field + "\"");
      }
      return value;
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isTextual() ? value.asText() : null;
    }

    private IllegalArgumentException problem(String message) {
      return new IllegalArgumentException("connection \"" + name + "\" " + message);
    }
  }
}
