package dev.mercury.bus.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens NATS connections that wait for the server: the first connection is tried with growing
 * pauses, saying each time what is wrong, and a connection once made reconnects by itself forever.
 */
final class NatsConnections {
  private static final Logger LOG = LoggerFactory.getLogger(NatsConnections.class);
  private static final long MAX_PAUSE_MILLIS = 15_000;

  /** Something to try against the server. */
  @FunctionalInterface
  interface Attempt {
    void run() throws IOException, JetStreamApiException;
  }

  private NatsConnections() {}

  static Connection connect(String url, String name) {
    long pause = 500;
    while (true) {
      try {
        return JetStreamBus.open(JetStreamBus.baseOptions(url, name).build());
      } catch (IOException e) {
        LOG.warn(
            "NATS at {} is unreachable ({}); trying again in {} ms", url, e.getMessage(), pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NatsBusException("interrupted while connecting to NATS at " + url, e);
      }
      pause = pause(pause);
    }
  }

  /** Runs {@code attempt} until JetStream accepts it; an API error other than 503 is final. */
  static void retrying(String what, Attempt attempt) throws IOException {
    long pause = 500;
    while (true) {
      try {
        attempt.run();
        return;
      } catch (JetStreamApiException e) {
        if (e.getErrorCode() != 503 && e.getApiErrorCode() != 10008) {
          throw new IOException("JetStream refused to " + what + ": " + e.getMessage(), e);
        }
        LOG.warn(
            "JetStream is not ready to {} ({}); trying again in {} ms",
            what,
            e.getMessage(),
            pause);
      } catch (IOException e) {
        LOG.warn(
            "NATS did not answer to {} ({}); trying again in {} ms", what, e.getMessage(), pause);
      }
      pause = pause(pause);
    }
  }

  private static long pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsBusException("interrupted while waiting for NATS", e);
    }
    return Math.min(millis * 2, MAX_PAUSE_MILLIS);
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
