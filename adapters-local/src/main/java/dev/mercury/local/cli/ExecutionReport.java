package dev.mercury.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.HistoryEvent;
import java.time.Instant;
import java.util.List;

/** The JSON form of an ended execution: its status, output or error, and history. */
final class ExecutionReport {
  private ExecutionReport() {}

  static ObjectNode json(Checkpoint execution, List<HistoryEvent> history) {
    ObjectNode report = Json.object();
    report.put("executionArn", execution.executionArn);
    report.put("status", execution.status.name());
    report.set("output", execution.output);
    report.put("error", execution.error);
    report.put("cause", execution.cause);
    ArrayNode events = report.putArray("events");
    for (HistoryEvent event : history) {
      events.add(event(event));
    }
    return report;
  }

  static ObjectNode event(HistoryEvent event) {
    ObjectNode json = Json.object();
    json.put("id", event.id());
    json.put("previousEventId", event.previousEventId());
    json.put("timestamp", Instant.ofEpochMilli(event.timestampMillis()).toString());
    json.put("type", event.type());
    if (event.details() != null) {
      json.set(event.detailsField(), event.details());
    }
    return json;
  }
}
