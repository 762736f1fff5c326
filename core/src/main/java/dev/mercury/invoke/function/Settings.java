package dev.mercury.invoke.function;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a connection's settings: the JSON fields of its configuration, as plain Java values. A
 * wrong type or value fails with the key's name; a secret's value is never put in a message. Any
 * text setting may instead be given as {@code keyEnv}, the name of the environment variable that
 * holds it, so one config file serves a laptop, a test and a real account.
 */
public final class Settings {
  /** The fields of every connection, which the config file's reader checks itself. */
  static final Set<String> COMMON =
      Set.of("platform", "comment", "function", "resources", "timeoutSeconds", "maxConcurrency");

  private final Map<String, Object> values;
  private final Function<String, String> environment;

  public Settings(Map<String, Object> values, Function<String, String> environment) {
    this.values = Map.copyOf(values);
    this.environment = environment;
  }

  /**
   * Refuses a key that neither {@link #COMMON} nor {@code known} (with or without {@code Env})
   * names, so a misspelt setting fails at start-up instead of being ignored.
   */
  public Settings only(String platform, String... known) {
    List<String> allowed = List.of(known);
    for (String key : values.keySet()) {
      String base = key.endsWith("Env") ? key.substring(0, key.length() - 3) : key;
      if (!COMMON.contains(key) && !allowed.contains(key) && !allowed.contains(base)) {
        Set<String> names = new TreeSet<>(allowed);
        names.addAll(COMMON);
        throw new IllegalArgumentException(
            "Setting '"
                + key
                + "' is not one the "
                + platform
                + " platform reads; known: "
                + names);
      }
    }
    return this;
  }

  /** The text under the first of these keys (or their {@code Env} forms) that is set, or null. */
  public String text(String... keys) {
    for (String key : keys) {
      String value = literal(key);
      if (value == null) {
        value = fromEnvironment(key);
      }
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * A secret given either as {@code key} itself or as {@code keyEnv}, the name of an environment
   * variable that holds it; null when neither is set.
   */
  public String secret(String key) {
    return text(key);
  }

  private String literal(String key) {
    Object value = values.get(key);
    if (value instanceof String text && !text.isBlank()) {
      return text;
    }
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("Setting '" + key + "' must be a string.");
    }
    return null;
  }

  /** The variable {@code keyEnv} names; one that is named but empty is a mistake worth a stop. */
  private String fromEnvironment(String key) {
    String variable = literal(key + "Env");
    if (variable == null) {
      return null;
    }
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Setting '"
              + key
              + "Env' names the environment variable "
              + variable
              + ", which is empty.");
    }
    return value;
  }

  /** A duration given in (possibly fractional) seconds; {@code fallback} when absent. */
  public Duration seconds(String key, Duration fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    double seconds = number(key, value);
    if (seconds < 0) {
      throw new IllegalArgumentException("Setting '" + key + "' must not be negative.");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** A positive whole number; {@code fallback} when absent. */
  public int count(String key, int fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    double number = number(key, value);
    if (number < 1 || number != Math.rint(number) || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Setting '" + key + "' must be a positive whole number.");
    }
    return (int) number;
  }

  private static double number(String key, Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        // Falls through to the message below.
      }
    }
    throw new IllegalArgumentException("Setting '" + key + "' must be a number.");
  }
}
