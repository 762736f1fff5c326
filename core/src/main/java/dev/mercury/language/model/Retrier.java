package dev.mercury.language.model;

import java.util.List;

/**
 * A Retry rule. Absent fields take AWS's defaults: 1 second, 3 attempts, backoff 2.0, no maximum
 * delay, no jitter.
 */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    boolean fullJitter) {

  /** The delay before retry number {@code attempt} (0 for the first retry), in milliseconds. */
  public long delayMillis(int attempt, double random) {
    double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
    if (maxDelaySeconds != null) {
      seconds = Math.min(seconds, maxDelaySeconds);
    }
    if (fullJitter) {
      seconds = seconds * random;
    }
    return (long) (seconds * 1000);
  }
}
