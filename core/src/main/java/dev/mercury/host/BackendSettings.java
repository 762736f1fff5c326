package dev.mercury.host;

import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.invoke.Connections;
import dev.mercury.language.json.Json;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings of the distributed backends, by name ({@code nats}, {@code elasticsearch}, {@code
 * prefix}, ...), whatever supplies them: the {@code mercury} command's flags and environment, or a
 * function host's environment. Each name's environment variable is {@code MERCURY_} and the name in
 * capitals with {@code _} for {@code -} ({@code ack-wait} is {@code MERCURY_ACK_WAIT}), the same on
 * every host. A bad value is an {@link IllegalArgumentException} naming the setting.
 */
public final class BackendSettings {
  /** The connections file Task states call through, as a path. */
  public static final String CONFIG = "config";

  /** The connections file's JSON itself, for hosts where shipping a file is awkward. */
  public static final String CONFIG_JSON = "config-json";

  private final Function<String, String> lookup;
  private final Function<String, String> variables;

  /**
   * Settings that {@code lookup} answers by name, null for one not set; {@code variables} answers
   * the environment variables that connections name for their secrets.
   */
  public BackendSettings(Function<String, String> lookup, Function<String, String> variables) {
    this.lookup = lookup;
    this.variables = variables;
  }

  /**
   * Settings from environment variables, such as {@link System#getenv()}, which also hold the
   * connections' secrets.
   */
  public static BackendSettings fromEnvironment(Map<String, String> environment) {
    return new BackendSettings(name -> environment.get(envName(name)), environment::get);
  }

  /** {@code ack-wait} → {@code MERCURY_ACK_WAIT}. */
  public static String envName(String name) {
    return "MERCURY_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** A setting's value, or null. */
  public String value(String name) {
    return blankToNull(lookup.apply(name));
  }

  /** Whether either backend is named. */
  public boolean distributed() {
    return value("nats") != null || value("elasticsearch") != null;
  }

  public String natsUrl() {
    return required("nats");
  }

  public String elasticsearchUrl() {
    return required("elasticsearch");
  }

  /**
   * The start of stream, subject and index names. Lower-case letters, digits and dashes only: NATS
   * stream names are upper-cased and Elasticsearch indices lower-cased, so two prefixes that differ
   * in case alone would share streams and indices but not subjects, and break each other.
   */
  public String prefix() {
    String prefix = value("prefix");
    if (prefix == null) {
      return NatsOptions.DEFAULT_PREFIX;
    }
    if (!prefix.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "prefix ("
              + envName("prefix")
              + ") must be lower-case letters, digits and '-', starting with a letter or digit;"
              + " got '"
              + prefix
              + "'");
    }
    return prefix;
  }

  public NatsOptions natsOptions() {
    return NatsOptions.defaults(natsUrl())
        .withPrefix(prefix())
        .withAckWait(Duration.ofSeconds(number("ack-wait", 30)))
        .withReplicas((int) number("nats-replicas", 1));
  }

  public ElasticsearchOptions elasticsearchOptions() {
    return ElasticsearchOptions.defaults()
        .withPrefix(prefix().toLowerCase(Locale.ROOT) + "-")
        .withReplicas((int) number("replicas", 1));
  }

  /** Messages a worker handles at once. */
  public int concurrency() {
    return (int) number("concurrency", 64);
  }

  /**
   * How many transitions of its own execution a worker's step may take along into its commit; zero
   * sends every step through NATS.
   */
  public int chain() {
    long chain = number("chain", 32);
    if (chain < 0) {
      throw new IllegalArgumentException(
          "chain (" + envName("chain") + ") must be 0 or more, got " + chain);
    }
    return (int) chain;
  }

  /** How long an execution with pending work may stand still before the sweeper sends it again. */
  public Duration sweepLease() {
    return Duration.ofSeconds(number("sweep-lease", 300));
  }

  /** The SigV4 keys the API requires: none unless both the access and secret key are set. */
  public Map<String, String> accessKeys() {
    String access = value("access-key");
    String secret = value("secret-key");
    if ((access == null) != (secret == null)) {
      throw new IllegalArgumentException(
          "give " + envName("access-key") + " and " + envName("secret-key") + " together");
    }
    return access == null ? Map.of() : Map.of(access, secret);
  }

  /** The API's sustained requests a second; 0 for no limit. */
  public double rateLimit() {
    String text = value("rate-limit");
    try {
      return text == null ? 0 : Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(envName("rate-limit") + " must be a number: " + text);
    }
  }

  /**
   * The connections Task states call: from the JSON in {@code config-json}, else the file {@code
   * config} names, else none. Their secrets ({@code ...Env} fields) come from {@code variables}.
   */
  public Connections connections() {
    String json = value(CONFIG_JSON);
    if (json != null) {
      return Connections.parse(Json.parseTrusted(json), Path.of("."), variables);
    }
    String file = value(CONFIG);
    if (file == null) {
      return Connections.none();
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("the config file " + path + " does not exist");
    }
    try {
      return Connections.parse(
          Json.parseTrusted(Files.readString(path)), path.toAbsolutePath().getParent(), variables);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the config file " + path, e);
    }
  }

  private String required(String name) {
    String found = value(name);
    if (found == null) {
      throw new IllegalArgumentException("Missing setting " + name + " (" + envName(name) + ")");
    }
    return found;
  }

  private long number(String name, long fallback) {
    String found = value(name);
    if (found == null) {
      return fallback;
    }
    try {
      return Long.parseLong(found.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " (" + envName(name) + ") must be a whole number, got '" + found + "'");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
