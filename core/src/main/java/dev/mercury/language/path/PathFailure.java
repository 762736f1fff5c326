package dev.mercury.language.path;

/**
 * A path that selects nothing in its document. The message is the one AWS reports after "Invalid
 * path '...' : ", so callers can wrap it into the States.Runtime cause AWS gives.
 */
public final class PathFailure extends RuntimeException {
  public PathFailure(String message) {
    super(message, null, false, false);
  }
}
