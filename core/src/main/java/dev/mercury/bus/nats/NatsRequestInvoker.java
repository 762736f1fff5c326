package dev.mercury.bus.nats;

import dev.mercury.language.error.ErrorName;
import dev.mercury.port.Invoker;
import dev.mercury.store.codec.InvokeCodec;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Calls functions served over NATS request-reply (see {@link NatsFunctions}): the invoke request
 * goes to {@code mercury.functions.<resource>} and the first reply is the task's result. Suits
 * short synchronous calls; the Task state's own TimeoutSeconds still applies through its timer.
 */
public final class NatsRequestInvoker implements Invoker {
  private final Connection connection;
  private final NatsOptions options;
  private final Duration defaultTimeout;

  public NatsRequestInvoker(Connection connection, NatsOptions options, Duration defaultTimeout) {
    this.connection = connection;
    this.options = options;
    this.defaultTimeout = defaultTimeout;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    String subject = options.functionSubject(request.resource());
    Duration timeout =
        request.timeoutMillis() > 0 ? Duration.ofMillis(request.timeoutMillis()) : defaultTimeout;
    return connection
        .requestWithTimeout(subject, InvokeCodec.encode(request), timeout)
        .handle(
            (reply, failure) ->
                failure == null
                    ? InvokeCodec.decodeResult(reply.getData())
                    : TaskResult.failure(
                        ErrorName.TASK_FAILED,
                        "No answer on " + subject + " for " + request.resource() + ": " + failure));
  }
}
