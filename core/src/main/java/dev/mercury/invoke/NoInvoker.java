package dev.mercury.invoke;

import dev.mercury.language.error.ErrorName;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;

/** The invoker of last resort: says which resource has no mock and no invoker. */
public final class NoInvoker implements Invoker {
  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    return CompletableFuture.completedFuture(
        TaskResult.failure(
            ErrorName.RUNTIME,
            "No mock and no invoker for resource '"
                + request.resource()
                + "' of state '"
                + request.stateName()
                + "'. Give a mock configuration with --mock-config or configure an invoker."));
  }
}
