package dev.mercury.transition;

/** Where AWS puts each event type's details in a history event. */
final class EventDetails {
  private EventDetails() {}

  static String fieldFor(String type) {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }
}
