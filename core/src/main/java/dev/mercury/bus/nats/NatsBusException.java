package dev.mercury.bus.nats;

/** NATS could not be reached or refused a request; trying again later may help. */
public final class NatsBusException extends RuntimeException {
  NatsBusException(String message, Throwable cause) {
    super(message, cause);
  }
}
