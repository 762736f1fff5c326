package dev.mercury.invoke.function;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a connection's settings: the JSON fields of its configuration, as plain Java values. A
 * wrong type or value fails with the key's name; a secret's value is never put in a message.
 */
public final class Settings {
  private final Map<String, Object> values;
  private final Function<String, String> environment;

  public Settings(Map<String, Object> values, Function<String, String> environment) {
    this.values = Map.copyOf(values);
    this.environment = environment;
  }

  /** The text under the first of these keys that is set, or null. */
  public String text(String... keys) {
    for (String key : keys) {
      Object value = values.get(key);
      if (value instanceof String text && !text.isBlank()) {
        return text;
      }
      if (value != null && !(value instanceof String)) {
        throw new IllegalArgumentException("Setting '" + key + "' must be a string.");
      }
    }
    return null;
  }

  /**
   * A secret given either as {@code key} itself or as {@code keyEnv}, the name of an environment
   * variable that holds it; null when neither is set.
   */
  public String secret(String key) {
    String literal = text(key);
    if (literal != null) {
      return literal;
    }
    String variable = text(key + "Env");
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
