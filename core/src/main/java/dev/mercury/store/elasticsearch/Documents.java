package dev.mercury.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.store.codec.StepCodec;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.Flow;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON documents of the Elasticsearch store and their ids. */
final class Documents {
  private Documents() {}

  /** One history event's id: the same for every write of it, so a repeated write is harmless. */
  static String eventId(String arn, long id) {
    return arn + "#" + id;
  }

  /**
   * A timer's id: execution, flow, seq and purpose. A transition retried after a crash sets the
   * same timer again and overwrites it instead of adding a second one.
   */
  static String timerId(StepMessage message) {
    String purpose =
        message.step() instanceof StepMessage.TimerDue due ? due.purpose().name() : "STEP";
    return message.executionArn() + "#" + message.flowId() + "#" + message.seq() + "#" + purpose;
  }

  static ObjectNode execution(
      Checkpoint checkpoint, byte[] encoded, List<HistoryEvent> pending, long now) {
    ObjectNode doc = Json.object();
    doc.put("arn", checkpoint.executionArn);
    doc.put("stateMachineArn", checkpoint.stateMachineArn);
    doc.put("name", checkpoint.name);
    doc.put("status", checkpoint.status.name());
    doc.put("startMillis", checkpoint.startMillis);
    if (checkpoint.stopMillis > 0) {
      doc.put("stopMillis", checkpoint.stopMillis);
    }
    doc.put("updatedMillis", now);
    doc.put("version", checkpoint.version);
    doc.put("lastEventId", checkpoint.lastEventId);
    doc.put("hasWork", hasWork(checkpoint));
    doc.put("input", Json.write(checkpoint.input));
    if (checkpoint.output != null) {
      doc.put("output", Json.write(checkpoint.output));
    }
    if (checkpoint.error != null) {
      doc.put("error", checkpoint.error);
    }
    if (checkpoint.cause != null) {
      doc.put("cause", checkpoint.cause);
    }
    doc.put("checkpoint", encoded);
    ArrayNode events = doc.putArray("pendingEvents");
    pending.forEach(event -> events.add(event(checkpoint.executionArn, event)));
    return doc;
  }

  /** Whether a running execution waits for a step or a task, not only for timers. */
  private static boolean hasWork(Checkpoint checkpoint) {
    if (!checkpoint.isRunning()) {
      return false;
    }
    if (checkpoint.lastEventId == 0) {
      return true;
    }
    for (Flow flow : checkpoint.flows.values()) {
      if (flow.phase == Flow.Phase.READY || flow.phase == Flow.Phase.AWAITING_TASK) {
        return true;
      }
    }
    return false;
  }

  static byte[] checkpointBytes(ObjectNode doc) {
    return binary(doc.get("checkpoint"));
  }

  static List<HistoryEvent> pendingEvents(ObjectNode doc) {
    List<HistoryEvent> events = new ArrayList<>();
    JsonNode pending = doc.get("pendingEvents");
    if (pending != null) {
      pending.forEach(node -> events.add(event((ObjectNode) node)));
    }
    return events;
  }

  static ObjectNode event(String arn, HistoryEvent event) {
    ObjectNode doc = Json.object();
    doc.put("arn", arn);
    doc.put("id", event.id());
    doc.put("previousEventId", event.previousEventId());
    doc.put("timestampMillis", event.timestampMillis());
    doc.put("type", event.type());
    if (event.details() != null) {
      doc.set("details", event.details());
    }
    return doc;
  }

  static HistoryEvent event(ObjectNode doc) {
    JsonNode details = doc.get("details");
    return new HistoryEvent(
        doc.get("id").asLong(),
        doc.get("previousEventId").asLong(),
        doc.get("timestampMillis").asLong(),
        doc.get("type").asText(),
        details == null || details.isNull() ? null : (ObjectNode) details);
  }

  static ObjectNode timer(StepMessage message, long dueMillis) {
    ObjectNode doc = Json.object();
    doc.put("arn", message.executionArn());
    doc.put("dueMillis", dueMillis);
    doc.put("message", StepCodec.encode(message));
    return doc;
  }

  static Dispatch.Timer timer(ObjectNode doc) {
    return new Dispatch.Timer(
        doc.get("dueMillis").asLong(), StepCodec.decode(binary(doc.get("message"))));
  }

  static ExecutionSummary summary(ObjectNode doc) {
    return new ExecutionSummary(
        doc.get("arn").asText(),
        doc.get("stateMachineArn").asText(),
        doc.get("name").asText(),
        doc.get("status").asText(),
        doc.path("startMillis").asLong(),
        doc.path("stopMillis").asLong());
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException("a stored binary field is not base64", e);
    }
  }
}
