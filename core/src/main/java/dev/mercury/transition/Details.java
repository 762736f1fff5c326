package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;

/** Builders for the detail objects of history events, with AWS's field names. */
final class Details {
  private Details() {}

  static ObjectNode entered(String name, JsonText input) {
    ObjectNode details = Json.object();
    details.put("name", name);
    payload(details, "input", input);
    return details;
  }

  static ObjectNode exited(String name, JsonText output) {
    ObjectNode details = Json.object();
    details.put("name", name);
    payload(details, "output", output);
    return details;
  }

  static ObjectNode output(JsonText output) {
    return payload(Json.object(), "output", output);
  }

  /** AWS keeps at most this many characters of an error's cause. */
  static final int CAUSE_LIMIT = 32_768;

  static ObjectNode error(String error, String cause) {
    ObjectNode details = Json.object();
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", limit(cause));
    }
    return details;
  }

  static String limit(String cause) {
    return cause == null || cause.length() <= CAUSE_LIMIT ? cause : cause.substring(0, CAUSE_LIMIT);
  }

  /** Adds a JSON payload as AWS does: its text, and whether it was truncated. */
  static ObjectNode payload(ObjectNode details, String field, JsonNode value) {
    return payload(details, field, new JsonText(value));
  }

  static ObjectNode payload(ObjectNode details, String field, JsonText value) {
    details.put(field, value.text());
    details.putObject(field + "Details").put("truncated", false);
    return details;
  }
}
