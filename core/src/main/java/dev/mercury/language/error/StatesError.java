package dev.mercury.language.error;

/**
 * An ASL error raised while evaluating a state: a value with a name and a cause, thrown through the
 * language layer and turned into a failure the state's retriers and catchers see.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;
  private final String location;

  public StatesError(String error, String cause) {
    this(error, cause, null);
  }

  /**
   * @param location the field that failed, as in {@code Arguments/FunctionName}, or null
   */
  public StatesError(String error, String cause, String location) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.location = location;
  }

  public static StatesError runtime(String cause) {
    return new StatesError(ErrorName.RUNTIME, cause);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public String location() {
    return location;
  }
}
