package dev.mercury.bus.nats;

import dev.mercury.language.error.ErrorName;
import dev.mercury.store.codec.InvokeCodec;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.function.Function;

/**
 * Serves a function over NATS request-reply, for {@link NatsRequestInvoker}: a process on your own
 * platform answers Task states whose Resource is {@code resource}. Servers of one resource share a
 * queue group, so each request goes to one of them.
 */
public final class NatsFunctions implements AutoCloseable {
  private final Dispatcher dispatcher;

  private NatsFunctions(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public static NatsFunctions serve(
      Connection connection,
      NatsOptions options,
      String resource,
      Function<InvokeRequest, TaskResult> function) {
    String subject = options.functionSubject(resource);
    Dispatcher dispatcher =
        connection.createDispatcher(
            message -> {
              TaskResult result;
              try {
                result = function.apply(InvokeCodec.decode(message.getData()));
              } catch (RuntimeException e) {
                result = TaskResult.failure(ErrorName.TASK_FAILED, String.valueOf(e.getMessage()));
              }
              connection.publish(message.getReplyTo(), InvokeCodec.encodeResult(result));
            });
    dispatcher.subscribe(subject, options.prefix() + "-functions");
    return new NatsFunctions(dispatcher);
  }

  @Override
  public void close() {
    try {
      dispatcher.drain(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
