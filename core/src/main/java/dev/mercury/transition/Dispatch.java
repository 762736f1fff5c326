package dev.mercury.transition;

/** What a transition asks to happen once its checkpoint is written. */
public sealed interface Dispatch {
  /** Publish a step message now. */
  record Publish(StepMessage message) implements Dispatch {}

  /** Call a Task state's resource. */
  record Invoke(InvokeRequest request) implements Dispatch {}

  /** Deliver a step message when the clock reaches {@code dueMillis}. */
  record Timer(long dueMillis, StepMessage message) implements Dispatch {}
}
