package dev.mercury.aws.invoke;

import dev.mercury.invoke.function.CallBudget;
import dev.mercury.language.error.ErrorName;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Calls AWS Lambda functions through the AWS SDK for Java v2, for Task states whose resource is a
 * function's ARN or {@code arn:aws:states:::lambda:invoke} (see {@link LambdaCall}).
 *
 * <p>Each call runs on its own virtual thread with the SDK's blocking client, so a slow function
 * holds no platform thread; at most {@code maxConcurrency} calls are in flight per connection. The
 * SDK does not retry: a Task's Retry rules decide, with the error names Step Functions uses (see
 * {@link LambdaFailure}). A function whose ARN names another region is called in that region, as
 * Step Functions does.
 *
 * <p>Idempotency: Lambda's Invoke API takes no idempotency key, so none is sent; a function that
 * must not run twice for one attempt has to deduplicate on its own input.
 */
public final class LambdaInvoker implements Invoker, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LambdaInvoker.class);

  private final LambdaSettings settings;
  private final SdkHttpClient http;

  /** By region name; the empty name is the client whose region the SDK's default chain picks. */
  private final Map<String, LambdaClient> clients = new ConcurrentHashMap<>();

  private final Semaphore permits;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  LambdaInvoker(LambdaSettings settings) {
    this.settings = settings;
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.socketTimeout())
            .build();
    this.permits = new Semaphore(settings.maxConcurrency(), true);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    CallBudget budget = CallBudget.start(request.timeoutMillis(), settings.timeout());
    return CompletableFuture.supplyAsync(() -> call(request, budget), threads);
  }

  private TaskResult call(InvokeRequest request, CallBudget budget) {
    LambdaCall call;
    try {
      call = LambdaCall.of(request.resource(), request.parameters());
    } catch (IllegalArgumentException e) {
      return TaskResult.failure(ErrorName.RUNTIME, e.getMessage());
    }

    if (!budget.acquire(permits)) {
      return TaskResult.failure(
          ErrorName.TIMEOUT,
          "No free slot among " + settings.maxConcurrency() + " concurrent Lambda calls in time.");
    }
    try {
      log.debug("Invoking {} for state {}", call.functionName(), request.stateName());
      return LambdaReply.of(call, client(call.region()).invoke(call.request(budget.remaining())));
    } catch (SdkException e) {
      return LambdaFailure.of(e, budget);
    } finally {
      permits.release();
    }
  }

  /** The client for a function's own region, or the connection's region when it names none. */
  private LambdaClient client(String region) {
    Region chosen = region != null ? Region.of(region) : settings.region();
    String name = chosen == null ? "" : chosen.id();
    return clients.computeIfAbsent(name, unused -> build(chosen));
  }

  private LambdaClient build(Region region) {
    LambdaClientBuilder builder =
        LambdaClient.builder()
            .httpClient(http)
            .credentialsProvider(settings.credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (region != null) {
      builder.region(region);
    }
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  @Override
  public void close() {
    threads.shutdownNow();
    clients.values().forEach(LambdaClient::close);
    http.close();
  }
}
