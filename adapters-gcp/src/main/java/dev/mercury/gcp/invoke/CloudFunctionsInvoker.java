package dev.mercury.gcp.invoke;

import dev.mercury.invoke.function.CallBudget;
import dev.mercury.invoke.function.FunctionReply;
import dev.mercury.invoke.function.FunctionUrl;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls HTTP functions on Google Cloud: Cloud Functions and Cloud Run services that require
 * authentication. Each call POSTs the Task's effective input as JSON to the function's URL with
 * {@code Authorization: Bearer} and a Google-signed ID token whose audience is that URL (see {@link
 * IdTokens}); the reply becomes the result as {@link FunctionReply} says.
 *
 * <p>Errors: {@code States.Http.StatusCode.NNN} when the function answers outside 2xx (401 and 403
 * when Google's front end refuses the token or the caller's role); {@code States.Http.Socket} when
 * the function or the token endpoint cannot be reached; {@code States.Permissions} when no ID token
 * can be had for any other reason (a bad key, a refused grant); {@code States.Timeout} when the
 * call, token included, outlives its budget; {@code States.Runtime} for a resource with no URL.
 *
 * <p>Idempotency: neither platform takes an idempotency key, so the request's goes to the function
 * as the header {@code Idempotency-Key}, for a function that deduplicates on it.
 */
public final class CloudFunctionsInvoker implements Invoker, AutoCloseable {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  static final String SOCKET_ERROR = "States.Http.Socket";

  private static final Logger log = LoggerFactory.getLogger(CloudFunctionsInvoker.class);

  private final CloudFunctionsSettings settings;
  private final IdTokens tokens;
  private final HttpClient http;
  private final Semaphore permits;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  CloudFunctionsInvoker(CloudFunctionsSettings settings) {
    this.settings = settings;
    this.tokens = new IdTokens(settings.tokens());
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.permits = new Semaphore(settings.maxConcurrency(), true);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    CallBudget budget = CallBudget.start(request.timeoutMillis(), settings.timeout());
    return CompletableFuture.supplyAsync(() -> call(request, budget), threads);
  }

  private TaskResult call(InvokeRequest request, CallBudget budget) {
    URI url;
    try {
      url = FunctionUrl.resolve(request.resource(), settings.url());
    } catch (IllegalArgumentException e) {
      return TaskResult.failure(ErrorName.RUNTIME, e.getMessage());
    }

    if (!budget.acquire(permits)) {
      return TaskResult.failure(
          ErrorName.TIMEOUT,
          "No free slot among " + settings.maxConcurrency() + " concurrent calls in time.");
    }
    try {
      return callWithToken(request, url, budget);
    } finally {
      permits.release();
    }
  }

  private TaskResult callWithToken(InvokeRequest request, URI url, CallBudget budget) {
    String audience =
        settings.audience() != null ? settings.audience() : FunctionUrl.withoutQuery(url);
    String token;
    try {
      token = token(audience, budget);
    } catch (TimeoutException e) {
      return TaskResult.failure(ErrorName.TIMEOUT, "No ID token for " + audience + " in time.");
    } catch (IOException e) {
      return tokenFailure(audience, e);
    }

    log.debug("Calling {} for state {}", FunctionUrl.withoutQuery(url), request.stateName());
    try {
      HttpResponse<String> response =
          http.send(post(request, url, token, budget), HttpResponse.BodyHandlers.ofString());
      return FunctionReply.of(response, url);
    } catch (HttpTimeoutException e) {
      return TaskResult.failure(
          ErrorName.TIMEOUT,
          "The function at " + FunctionUrl.withoutQuery(url) + " did not answer in time.");
    } catch (IOException e) {
      return TaskResult.failure(
          SOCKET_ERROR, "Could not call " + FunctionUrl.withoutQuery(url) + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }

  private HttpRequest post(InvokeRequest request, URI url, String token, CallBudget budget) {
    String body =
        Json.write(request.parameters() == null ? Json.NODES.nullNode() : request.parameters());
    HttpRequest.Builder post =
        HttpRequest.newBuilder(url)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    if (request.idempotencyKey() != null) {
      post.header(IDEMPOTENCY_HEADER, request.idempotencyKey());
    }
    Duration remaining = budget.remaining();
    if (remaining != null) {
      post.timeout(remaining);
    }
    return post.build();
  }

  /** The token, waited for no longer than the budget allows; a late one still fills the cache. */
  private String token(String audience, CallBudget budget) throws IOException, TimeoutException {
    CompletableFuture<String> pending =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return tokens.token(audience);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            threads);
    try {
      Duration remaining = budget.remaining();
      return remaining == null
          ? pending.get()
          : pending.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }

  private static TaskResult tokenFailure(String audience, IOException failure) {
    String cause = "Could not get an ID token for " + audience + ": " + describe(failure);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return TaskResult.failure(ErrorName.TIMEOUT, cause);
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SocketException) {
        return TaskResult.failure(SOCKET_ERROR, cause);
      }
    }
    return TaskResult.failure(ErrorName.PERMISSIONS, FunctionReply.truncate(cause));
  }

  /** The exception's class and message: what went wrong, never a header or a key. */
  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    threads.shutdownNow();
    http.close();
  }
}
