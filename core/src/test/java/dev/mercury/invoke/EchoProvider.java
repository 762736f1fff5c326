package dev.mercury.invoke;

import dev.mercury.port.Invoker;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;

/** Platform {@code echo}, registered through ServiceLoader in the test resources. */
public final class EchoProvider implements InvokerProvider {
  @Override
  public String platform() {
    return "echo";
  }

  @Override
  public Invoker create(Connection connection) {
    return request -> CompletableFuture.completedFuture(TaskResult.success(request.parameters()));
  }
}
