package dev.mercury.port;

/** Milliseconds since the epoch; a port so tests and replays can set the time. */
@FunctionalInterface
public interface Clock {
  Clock SYSTEM = System::currentTimeMillis;

  long millis();
}
