package dev.mercury.invoke;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * At most {@code permits} calls in flight through one connection; later calls wait in arrival
 * order. A waiting call holds no thread, so a Map state of ten thousand items queues ten thousand
 * small objects rather than opening ten thousand sockets or parking ten thousand threads. Queued
 * calls start on {@code executor}, never inside the completion of the call before them, so a run of
 * calls that finish at once cannot grow the stack.
 */
final class ConcurrencyLimit {
  private final int permits;
  private final Executor executor;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  ConcurrencyLimit(int permits, Executor executor) {
    this.permits = permits;
    this.executor = executor;
  }

  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> start(call, result);
    boolean now;
    synchronized (this) {
      now = running < permits;
      if (now) {
        running++;
      } else {
        waiting.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result;
  }

  private <T> void start(Supplier<CompletableFuture<T>> call, CompletableFuture<T> result) {
    CompletableFuture<T> started;
    try {
      started = call.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete(
        (value, failure) -> {
          release();
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(value);
          }
        });
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      executor.execute(next);
    }
  }
}
