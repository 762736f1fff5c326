package dev.mercury.invoke;

/**
 * A credential from the environment or a config file. It prints as a mask, so a connection, an auth
 * setting or an exception that mentions it never shows its value in a log.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a secret needs a value");
    }
    return new Secret(value);
  }

  /** The value itself, for the one place that puts it on the wire. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
