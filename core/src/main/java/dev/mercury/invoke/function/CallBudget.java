package dev.mercury.invoke.function;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The time one call may take, counted from when the engine asked for it: the shorter of the Task's
 * timeout and the connection's. Waiting for a free slot under the connection's concurrency limit
 * spends the same budget.
 */
public record CallBudget(long startedNanos, Duration limit) {

  public static CallBudget start(long requestMillis, Duration connectionLimit) {
    Duration limit = Duration.ZERO;
    if (requestMillis > 0) {
      limit = Duration.ofMillis(requestMillis);
    }
    if (connectionLimit.isPositive() && (limit.isZero() || connectionLimit.compareTo(limit) < 0)) {
      limit = connectionLimit;
    }
    return new CallBudget(System.nanoTime(), limit);
  }

  public boolean unlimited() {
    return limit.isZero();
  }

  /** What is left of the budget, never below one millisecond; null when unlimited. */
  public Duration remaining() {
    if (unlimited()) {
      return null;
    }
    Duration left = limit.minusNanos(System.nanoTime() - startedNanos);
    return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
  }

  /**
   * Takes a permit within the budget; false when the budget ran out first. An interrupted wait
   * fails the call's future, as the invokers run it on their own threads.
   */
  public boolean acquire(Semaphore permits) {
    try {
      if (unlimited()) {
        permits.acquire();
        return true;
      }
      return permits.tryAcquire(remaining().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CompletionException(e);
    }
  }
}
