package dev.mercury.api;

import dev.mercury.port.Clock;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code perSecond} a second, and each
 * request takes one. A request finding the bucket empty is throttled, as AWS throttles API calls.
 */
final class TokenBucket {
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long lastMillis;

  TokenBucket(double perSecond, double burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastMillis = clock.millis();
  }

  synchronized boolean tryTake() {
    long now = clock.millis();
    tokens = Math.min(burst, tokens + (now - lastMillis) * perSecond / 1000.0);
    lastMillis = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
