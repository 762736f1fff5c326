package dev.mercury.language.error;

/**
 * An ASL error raised while evaluating a state: a value with a name and a cause, thrown through the
 * language layer and turned into a failure the state's retriers and catchers see.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
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
}
