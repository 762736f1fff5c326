package dev.mercury.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.invoke.Connections;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Mercury's one config file, named by {@code --config} or {@code MERCURY_CONFIG}: a JSON object
 * with the backend settings under the names of their flags ({@code "nats"}, {@code "ack-wait"},
 * ...) beside the {@code connections} Task states call and the {@code callbacks} receiver:
 *
 * <pre>{@code
 * {"nats": "nats://10.0.0.5:4222", "elasticsearch": "http://10.0.0.6:9200", "ack-wait": 60,
 *  "connections": {"resize": {"platform": "openfaas", "url": "http://10.0.0.7:8080"}}}
 * }</pre>
 *
 * A key it does not know or a value of the wrong type is refused, naming the file and the key's
 * JSON pointer, so a misspelt setting does not silently fall back to its default.
 */
final class ConfigFile {
  static final String VARIABLE = "MERCURY_CONFIG";

  private enum Kind {
    TEXT,
    WHOLE_NUMBER,
    SECTION
  }

  private static final Map<String, Kind> KEYS = new LinkedHashMap<>();

  static {
    for (String text : new String[] {"nats", "elasticsearch", "prefix"}) {
      KEYS.put(text, Kind.TEXT);
    }
    for (String number :
        new String[] {
          "concurrency", "ack-wait", "sweep-lease", "chain", "replicas", "nats-replicas"
        }) {
      KEYS.put(number, Kind.WHOLE_NUMBER);
    }
    KEYS.put("connections", Kind.SECTION);
    KEYS.put("callbacks", Kind.SECTION);
  }

  private static final ConfigFile NONE = new ConfigFile(null, Json.object());

  private final Path path;
  private final JsonNode root;

  private ConfigFile(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  /** The file to read, or null when neither the option nor the variable names one. */
  static Path locate(Path option) {
    return locate(option, System::getenv);
  }

  static Path locate(Path option, Function<String, String> env) {
    if (option != null) {
      return option;
    }
    String variable = env.apply(VARIABLE);
    return variable == null || variable.isBlank() ? null : Path.of(variable);
  }

  /** Reads and checks {@code file}; an empty config when it is null. */
  static ConfigFile load(Path file) throws IOException {
    if (file == null) {
      return NONE;
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the config file " + file + " does not exist");
    }
    JsonNode root;
    try {
      root = Json.parse(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "%s:%d:%d: the config file is not valid JSON: %s"
              .formatted(
                  file,
                  e.getLocation().getLineNr(),
                  e.getLocation().getColumnNr(),
                  e.getOriginalMessage()));
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(file + ": the config file must hold a JSON object");
    }
    ConfigFile config = new ConfigFile(file, root);
    root.properties().forEach(entry -> config.check(entry.getKey(), entry.getValue()));
    return config;
  }

  private void check(String key, JsonNode value) {
    Kind kind = KEYS.get(key);
    String pointer = "/" + key.replace("~", "~0").replace("/", "~1");
    if (kind == null) {
      throw new IllegalArgumentException(
          "%s: unknown key at %s; a config file holds %s"
              .formatted(path, pointer, String.join(", ", KEYS.keySet())));
    }
    boolean fits =
        switch (kind) {
          case TEXT -> value.isTextual();
          case WHOLE_NUMBER -> value.isIntegralNumber();
          case SECTION -> value.isObject();
        };
    if (!fits) {
      String wanted =
          switch (kind) {
            case TEXT -> "a string";
            case WHOLE_NUMBER -> "a whole number";
            case SECTION -> "an object";
          };
      throw new IllegalArgumentException(
          "%s: %s must be %s, got %s".formatted(path, pointer, wanted, value));
    }
  }

  /** The backend setting named like its flag, as text; null when the file does not set it. */
  String setting(String name) {
    JsonNode value = root.get(name);
    return value == null ? null : value.asText();
  }

  /** The connections and callback settings; none when there is no file. */
  Connections connections() {
    if (path == null) {
      return Connections.none();
    }
    try {
      return Connections.parse(root, path.toAbsolutePath().getParent(), System::getenv);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** The connections in {@code file}; none when it is null. */
  static Connections read(Path file) throws IOException {
    return load(file).connections();
  }
}
