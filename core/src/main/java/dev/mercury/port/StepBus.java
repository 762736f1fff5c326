package dev.mercury.port;

import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.time.Duration;
import java.util.List;

/**
 * Carries step messages and invoke requests between the processes that take transitions and call
 * functions: NATS JetStream for a fleet of workers. A message may arrive more than once; the flow's
 * seq makes a repeated step harmless and the idempotency key a repeated invocation recognisable.
 */
public interface StepBus extends AutoCloseable {
  /** Sends a step message; returns once the bus has stored it. */
  void publish(StepMessage message);

  /** Sends a request to call a Task state's resource; returns once the bus has stored it. */
  void invoke(InvokeRequest request);

  /**
   * Sends several step messages and invoke requests; returns once the bus has stored them all. A
   * bus that can have them in flight together does.
   */
  default void sendAll(List<StepMessage> messages, List<InvokeRequest> requests) {
    messages.forEach(this::publish);
    requests.forEach(this::invoke);
  }

  /** Starts handing step messages to {@code handler}; closing the result stops it. */
  AutoCloseable takeSteps(Handler<StepMessage> handler);

  /** Starts handing invoke requests to {@code handler}; closing the result stops it. */
  AutoCloseable takeInvokes(Handler<InvokeRequest> handler);

  @Override
  void close();

  /** Takes one delivery; may block, and runs concurrently with other deliveries. */
  @FunctionalInterface
  interface Handler<T> {
    void handle(Delivery<T> delivery);
  }

  /** One delivery of a message, which the bus delivers again until it is acknowledged. */
  interface Delivery<T> {
    T message();

    /** Whether the bus delivered this message before (its handler died or asked to retry). */
    boolean redelivered();

    /** Done with: the bus forgets the message. */
    void acknowledge();

    /** Not done: deliver it again after {@code delay}. */
    void retryLater(Duration delay);

    /** Still working on it: do not deliver it to anyone else yet. */
    void stillWorking();
  }
}
