package dev.mercury.transition;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One history event as {@code GetExecutionHistory} returns it.
 *
 * @param details the object AWS puts under the event's details field, or null when it has none
 */
public record HistoryEvent(
    long id, long previousEventId, long timestampMillis, String type, ObjectNode details) {

  /** The name of the details field, as in {@code taskScheduledEventDetails}. */
  public String detailsField() {
    return EventDetails.fieldFor(type);
  }
}
