package dev.mercury.invoke.mock;

import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers mocked Task states from a Step Functions Local mock configuration and passes the rest to
 * the next invoker. Invocations are counted per execution and state, across retries and Map
 * iterations, as Step Functions Local counts them.
 */
public final class MockInvoker implements Invoker {
  private final MockConfiguration configuration;
  private final Invoker fallback;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public MockInvoker(MockConfiguration configuration, Invoker fallback) {
    this.configuration = configuration;
    this.fallback = fallback;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    if (!configuration.mocks(request.stateName())) {
      return fallback.invoke(request);
    }
    String key = request.executionArn() + "\u0000" + request.stateName();
    int invocation = counts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    return CompletableFuture.completedFuture(
        configuration.response(request.stateName(), invocation));
  }
}
