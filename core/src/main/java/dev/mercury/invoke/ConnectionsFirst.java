package dev.mercury.invoke;

import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;

/**
 * A worker's invoker: a Task whose resource the config file's connections answer goes to the {@link
 * Router}, any other to the fallback (functions served over NATS request-reply). So one fleet calls
 * functions on every platform the config file names beside those that answer on NATS, and a Lambda
 * ARN that no connection lists keeps going to NATS.
 */
public final class ConnectionsFirst implements Invoker, AutoCloseable {
  private final Router router;
  private final Invoker fallback;

  public ConnectionsFirst(Router router, Invoker fallback) {
    this.router = router;
    this.fallback = fallback;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    return router.configures(request.resource(), request.parameters())
        ? router.invoke(request)
        : fallback.invoke(request);
  }

  @Override
  public void close() {
    router.close();
  }
}
