package dev.mercury.engine;

import dev.mercury.port.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the {@link Engine} moves forward to the next due timer whenever nothing else is pending,
 * so Wait states and retry delays take no real time. For tests and dry runs; the history shows the
 * times the execution would have had.
 */
public final class VirtualClock implements Clock {
  private final AtomicLong now;

  public VirtualClock(long startMillis) {
    this.now = new AtomicLong(startMillis);
  }

  @Override
  public long millis() {
    return now.get();
  }

  /** Moves the clock to {@code millis} unless it is already later. */
  public void advanceTo(long millis) {
    now.accumulateAndGet(millis, Math::max);
  }
}
