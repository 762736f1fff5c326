package dev.mercury.host;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The short waits of workers and bridges between tries. */
public final class Pauses {
  private Pauses() {}

  /** A random length in [from, to), so that many processes that failed together do not retry so. */
  public static long jitter(long from, long to) {
    return ThreadLocalRandom.current().nextLong(from, Math.max(from + 1, to));
  }

  /** Sleeps; an interrupt ends the pause early and stays set for the caller to see. */
  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for {@code call}, running {@code stillWorking} each second it lasts, so a bus that
   * redelivers silent messages knows this one is in hand.
   */
  public static <T> T await(CompletableFuture<T> call, Runnable stillWorking)
      throws ExecutionException, InterruptedException {
    while (true) {
      try {
        return call.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        stillWorking.run();
      }
    }
  }
}
