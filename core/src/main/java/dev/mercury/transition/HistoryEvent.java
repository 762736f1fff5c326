package dev.mercury.transition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One history event as {@code GetExecutionHistory} returns it.
 *
 * <p>The details of the events that carry a state's input or output are built when first read, not
 * when the transition takes place: a store that keeps events in memory may never need their JSON
 * text, and one that writes them asks once, at commit. They are built from values that never
 * change, so when they are built makes no difference to what they say.
 */
public final class HistoryEvent {
  private final long id;
  private final long previousEventId;
  private final long timestampMillis;
  private final String type;
  private Supplier<ObjectNode> pending;
  private ObjectNode details;

  /**
   * @param details the object AWS puts under the event's details field, or null when it has none
   */
  public HistoryEvent(
      long id, long previousEventId, long timestampMillis, String type, ObjectNode details) {
    this.id = id;
    this.previousEventId = previousEventId;
    this.timestampMillis = timestampMillis;
    this.type = type;
    this.details = details;
  }

  /** An event whose details {@code build} makes when they are first read. */
  static HistoryEvent deferred(
      long id,
      long previousEventId,
      long timestampMillis,
      String type,
      Supplier<ObjectNode> build) {
    HistoryEvent event = new HistoryEvent(id, previousEventId, timestampMillis, type, null);
    event.pending = build;
    return event;
  }

  public long id() {
    return id;
  }

  public long previousEventId() {
    return previousEventId;
  }

  public long timestampMillis() {
    return timestampMillis;
  }

  public String type() {
    return type;
  }

  /** The object AWS puts under the event's details field, or null when it has none. */
  public synchronized ObjectNode details() {
    if (pending != null) {
      details = pending.get();
      pending = null;
    }
    return details;
  }

  /** The name of the details field, as in {@code taskScheduledEventDetails}. */
  public String detailsField() {
    return EventDetails.fieldFor(type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HistoryEvent that
        && id == that.id
        && previousEventId == that.previousEventId
        && timestampMillis == that.timestampMillis
        && type.equals(that.type)
        && Objects.equals(details(), that.details());
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, previousEventId, timestampMillis, type, details());
  }

  @Override
  public String toString() {
    return "HistoryEvent[id="
        + id
        + ", previousEventId="
        + previousEventId
        + ", timestampMillis="
        + timestampMillis
        + ", type="
        + type
        + ", details="
        + details()
        + "]";
  }
}
