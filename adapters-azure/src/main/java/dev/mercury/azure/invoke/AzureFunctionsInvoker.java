package dev.mercury.azure.invoke;

import dev.mercury.invoke.function.CallBudget;
import dev.mercury.invoke.function.FunctionReply;
import dev.mercury.invoke.function.FunctionUrl;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls HTTP-triggered Azure Functions: POSTs the Task's effective input as JSON to the trigger's
 * URL, with a function key or a Microsoft Entra bearer token (see {@link AzureFunctionsSettings});
 * the reply becomes the result as {@link FunctionReply} says.
 *
 * <p>Errors: {@code States.Http.StatusCode.NNN} when the function answers outside 2xx (401 for a
 * wrong key or token, 500 for a function that threw); {@code States.Http.Socket} when the function
 * or the token endpoint cannot be reached; {@code States.Permissions} when Entra refuses the
 * client's credentials; {@code States.Timeout} when the call, token included, outlives its budget;
 * {@code States.Runtime} for a resource with no URL. No cause ever holds the key, the secret or a
 * token.
 *
 * <p>Idempotency: Azure Functions takes no idempotency key, so the request's goes to the function
 * as the header {@code Idempotency-Key}, for a function that deduplicates on it.
 */
public final class AzureFunctionsInvoker implements Invoker, AutoCloseable {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  static final String SOCKET_ERROR = "States.Http.Socket";

  private static final Logger log = LoggerFactory.getLogger(AzureFunctionsInvoker.class);

  private final AzureFunctionsSettings settings;
  private final HttpClient http;
  private final EntraTokens tokens;
  private final Semaphore permits;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  AzureFunctionsInvoker(AzureFunctionsSettings settings, Clock clock) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.tokens =
        settings.auth() instanceof FunctionAuth.Entra entra
            ? new EntraTokens(entra.client(), http, clock)
            : null;
    this.permits = new Semaphore(settings.maxConcurrency(), true);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    CallBudget budget = CallBudget.start(request.timeoutMillis(), settings.timeout());
    return CompletableFuture.supplyAsync(() -> redacted(call(request, budget)), threads);
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
      return authorizedCall(request, url, budget);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } finally {
      permits.release();
    }
  }

  private TaskResult authorizedCall(InvokeRequest request, URI url, CallBudget budget)
      throws InterruptedException {
    HttpRequest.Builder post = HttpRequest.newBuilder();
    URI target = url;
    switch (settings.auth()) {
      case FunctionAuth.None none -> {}
      case FunctionAuth.Key key -> {
        target = key.target(url);
        if (!key.inQuery()) {
          post.header(FunctionAuth.Key.HEADER, key.key());
        }
      }
      case FunctionAuth.Entra entra -> {
        try {
          post.header("Authorization", "Bearer " + tokens.token(budget.remaining()));
        } catch (IOException e) {
          return tokenFailure(e);
        }
      }
    }

    log.debug("Calling {} for state {}", FunctionUrl.withoutQuery(url), request.stateName());
    try {
      HttpResponse<String> response =
          http.send(post(post, target, request, budget), HttpResponse.BodyHandlers.ofString());
      return FunctionReply.of(response, url);
    } catch (HttpTimeoutException e) {
      return TaskResult.failure(
          ErrorName.TIMEOUT,
          "The function at " + FunctionUrl.withoutQuery(url) + " did not answer in time.");
    } catch (IOException e) {
      return TaskResult.failure(
          SOCKET_ERROR, "Could not call " + FunctionUrl.withoutQuery(url) + ": " + describe(e));
    }
  }

  private static HttpRequest post(
      HttpRequest.Builder post, URI target, InvokeRequest request, CallBudget budget) {
    String body =
        Json.write(request.parameters() == null ? Json.NODES.nullNode() : request.parameters());
    post.uri(target)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
    if (request.idempotencyKey() != null) {
      post.header(IDEMPOTENCY_HEADER, request.idempotencyKey());
    }
    Duration remaining = budget.remaining();
    if (remaining != null) {
      post.timeout(remaining);
    }
    return post.build();
  }

  private TaskResult tokenFailure(IOException failure) {
    String cause =
        "Could not get a Microsoft Entra token for " + tokens.scope() + ": " + describe(failure);
    if (failure instanceof HttpTimeoutException) {
      return TaskResult.failure(ErrorName.TIMEOUT, cause);
    }
    if (failure instanceof EntraTokens.Refused) {
      return TaskResult.failure(ErrorName.PERMISSIONS, FunctionReply.truncate(cause));
    }
    return TaskResult.failure(SOCKET_ERROR, cause);
  }

  /** A last guard: whatever a library put in a message, the key and the secret stay out. */
  private TaskResult redacted(TaskResult result) {
    if (result.succeeded() || result.cause() == null) {
      return result;
    }
    String cause = result.cause();
    for (String secret : secrets()) {
      cause = cause.replace(secret, "[redacted]");
      cause = cause.replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "[redacted]");
    }
    return TaskResult.failure(result.error(), cause);
  }

  private String[] secrets() {
    return switch (settings.auth()) {
      case FunctionAuth.None none -> new String[0];
      case FunctionAuth.Key key -> new String[] {key.key()};
      case FunctionAuth.Entra entra -> new String[] {entra.client().clientSecret()};
    };
  }

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
