package dev.mercury.bus.nats;

import java.time.Duration;

/**
 * How the JetStream bus names and configures its streams.
 *
 * @param url the NATS server, or several separated by commas
 * @param prefix the start of stream, consumer and subject names, so several installations can share
 *     a server
 * @param ackWait how long a worker may hold a message before JetStream hands it to another: the
 *     time a killed worker's messages wait. Invokers send progress while a call runs, so a longer
 *     call is not handed out again.
 * @param duplicateWindow how long JetStream remembers message ids to drop repeats
 * @param replicas stream replicas: 1 on one server, 3 on a three-node cluster
 */
public record NatsOptions(
    String url, String prefix, Duration ackWait, Duration duplicateWindow, int replicas) {
  public static final String DEFAULT_PREFIX = "mercury";

  public NatsOptions {
    if (prefix == null || !prefix.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "a NATS prefix may hold letters, digits, '-' and '_' only, got " + prefix);
    }
  }

  public static NatsOptions defaults(String url) {
    return new NatsOptions(url, DEFAULT_PREFIX, Duration.ofSeconds(30), Duration.ofMinutes(2), 1);
  }

  public NatsOptions withPrefix(String newPrefix) {
    return new NatsOptions(url, newPrefix, ackWait, duplicateWindow, replicas);
  }

  public NatsOptions withAckWait(Duration wait) {
    return new NatsOptions(url, prefix, wait, duplicateWindow, replicas);
  }

  public NatsOptions withReplicas(int count) {
    return new NatsOptions(url, prefix, ackWait, duplicateWindow, count);
  }

  String stepStream() {
    return prefix.toUpperCase(java.util.Locale.ROOT) + "_STEPS";
  }

  String invokeStream() {
    return prefix.toUpperCase(java.util.Locale.ROOT) + "_INVOKES";
  }

  String stepSubject() {
    return prefix + ".steps";
  }

  String invokeSubject() {
    return prefix + ".invokes";
  }

  /** The subject on which functions served over NATS request-reply listen; see NatsFunctions. */
  String functionSubject(String resource) {
    return prefix + ".functions." + resource.replaceAll("[^A-Za-z0-9_:\\-]", "_");
  }
}
