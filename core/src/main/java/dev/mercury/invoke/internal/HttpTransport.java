package dev.mercury.invoke.internal;

import dev.mercury.invoke.InvokeErrors;
import dev.mercury.language.error.ErrorName;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client the invokers share: its connection pool serves every connection, and its work
 * runs on virtual threads, so a slow function costs a socket and a little memory, never a platform
 * thread. Redirects are not followed: a function that answers 3xx is reported, and credentials are
 * never resent to another host.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(executor)
          .build();

  public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, Duration timeout) {
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    // The request's own timeout ends the wait for headers; this one also covers a slow body.
    return timeout == null
        ? response
        : response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public ExecutorService executor() {
    return executor;
  }

  /**
   * The task failure for a call that did not get an answer: a timeout is {@code States.Timeout};
   * anything else on the wire is {@code connectionError}. The cause names the endpoint without its
   * user info or query, where credentials may live.
   */
  public static TaskResult failure(Throwable thrown, URI endpoint, String connectionError) {
    Throwable cause = unwrap(thrown);
    String where = describe(endpoint);
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return TaskResult.failure(ErrorName.TIMEOUT, "The call to " + where + " timed out.");
    }
    if (cause instanceof ConnectException) {
      return TaskResult.failure(
          connectionError, "Could not connect to " + where + ": " + reason(cause) + ".");
    }
    if (cause instanceof IOException) {
      return TaskResult.failure(
          connectionError, "The call to " + where + " failed: " + reason(cause) + ".");
    }
    if (cause instanceof AuthFailure auth) {
      return TaskResult.failure(InvokeErrors.AUTH_FAILED, auth.getMessage());
    }
    throw new CompletionException(cause);
  }

  /** An endpoint as it may appear in a cause or a log: scheme, host, port and path only. */
  public static String describe(URI endpoint) {
    if (endpoint == null) {
      return "(no endpoint)";
    }
    String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
  }

  public static Throwable unwrap(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
