package dev.mercury.port;

import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a Task state's resource on some platform. The future completes with the task's result or
 * its ASL error; it completes exceptionally only for a bug or an infrastructure failure.
 */
public interface Invoker {
  CompletableFuture<TaskResult> invoke(InvokeRequest request);
}
