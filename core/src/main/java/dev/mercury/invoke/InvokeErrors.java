package dev.mercury.invoke;

/**
 * The error names Mercury's invokers give a Task when the call itself goes wrong, beside AWS's
 * {@code States.Timeout} and the HTTP Task's {@code States.Http.*}. A Retry or Catch names them
 * like any other error; a function's own error name (its reply's {@code errorType}) passes through
 * unchanged.
 */
public final class InvokeErrors {
  /** No invoker can call the resource: no connection names it and no provider is registered. */
  public static final String NO_INVOKER = "Mercury.NoInvoker";

  /** A Task names a connection that the config file does not define. */
  public static final String NO_CONNECTION = "Mercury.NoConnection";

  /** The function's endpoint could not be reached: refused, reset, or no such host. */
  public static final String CONNECTION_FAILED = "Mercury.ConnectionFailed";

  /** The function answered with something that is not the JSON its platform promises. */
  public static final String MALFORMED_REPLY = "Mercury.MalformedReply";

  /** The connection's credentials could not be used, e.g. the OAuth token endpoint refused them. */
  public static final String AUTH_FAILED = "Mercury.AuthFailed";

  /** AWS's longest error cause; a longer one is cut so the history event stays valid. */
  public static final int MAX_CAUSE_CHARS = 32_768;

  private InvokeErrors() {}

  /** {@code text} cut to the longest cause AWS accepts. */
  public static String cause(String text) {
    if (text == null || text.length() <= MAX_CAUSE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_CAUSE_CHARS);
  }
}
