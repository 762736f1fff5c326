package dev.mercury.invoke.internal;

/**
 * Credentials could not be turned into a request, e.g. the OAuth token endpoint refused them. The
 * message says what happened and never holds a secret.
 */
public final class AuthFailure extends RuntimeException {
  public AuthFailure(String message) {
    super(message, null, false, false);
  }
}
