package dev.mercury.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.HistoryEvent;
import java.util.List;

/** History events in the shape GetExecutionHistory returns. */
public final class HistoryJson {
  private static final List<String> DATA_FIELDS = List.of("input", "output", "parameters");

  private HistoryJson() {}

  /** The event; without execution data its inputs, outputs and parameters are left out. */
  public static ObjectNode event(HistoryEvent event, boolean withData) {
    ObjectNode json = Json.object();
    json.put("timestamp", Requests.seconds(event.timestampMillis()));
    json.put("type", event.type());
    json.put("id", event.id());
    json.put("previousEventId", event.previousEventId());
    if (event.details() != null) {
      ObjectNode details = event.details().deepCopy();
      if (!withData) {
        DATA_FIELDS.forEach(details::remove);
      }
      json.set(event.detailsField(), details);
    }
    return json;
  }
}
