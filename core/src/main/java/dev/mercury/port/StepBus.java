package dev.mercury.port;

import dev.mercury.transition.StepMessage;

/**
 * Carries step messages to whatever takes transitions: the in-process queue of {@code Engine} or
 * NATS JetStream for a fleet of workers. A message may arrive more than once; the flow's seq makes
 * a repeat harmless.
 */
@FunctionalInterface
public interface StepBus {
  void publish(StepMessage message);
}
