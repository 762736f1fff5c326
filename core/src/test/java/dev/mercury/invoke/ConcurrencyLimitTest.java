package dev.mercury.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

  @Test
  void submit_morethanPermits_runsAtMostPermitsAtOnceAndAllInOrder() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      ConcurrencyLimit limit = new ConcurrencyLimit(3, executor);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      List<Integer> started = new CopyOnWriteArrayList<>();
      List<CompletableFuture<Integer>> results = new ArrayList<>();

      for (int i = 0; i < 50; i++) {
        int n = i;
        results.add(
            limit.submit(
                () -> {
                  started.add(n);
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  return CompletableFuture.supplyAsync(
                      () -> {
                        sleep(5);
                        running.decrementAndGet();
                        return n;
                      },
                      executor);
                }));
      }

      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(most.get()).isEqualTo(3);
      assertThat(started).hasSize(50);
      assertThat(started.subList(0, 3)).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void submit_callsThatCompleteAtOnce_doNotGrowTheStack() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      ConcurrencyLimit limit = new ConcurrencyLimit(1, executor);
      CompletableFuture<Void> gate = new CompletableFuture<>();
      List<CompletableFuture<String>> results = new ArrayList<>();
      results.add(limit.submit(() -> gate.thenApply(v -> "first")));
      for (int i = 0; i < 100_000; i++) {
        results.add(limit.submit(() -> CompletableFuture.completedFuture("done")));
      }

      gate.complete(null);

      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      assertThat(results.get(100_000).get()).isEqualTo("done");
    }
  }

  @Test
  void submit_callThatThrows_releasesItsPermit() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      ConcurrencyLimit limit = new ConcurrencyLimit(1, executor);

      CompletableFuture<String> failed =
          limit.submit(
              () -> {
                throw new IllegalStateException("boom");
              });
      CompletableFuture<String> next = limit.submit(() -> CompletableFuture.completedFuture("ok"));

      assertThat(failed).isCompletedExceptionally();
      assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
