package dev.mercury.language.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value and its compact text, written once, when first asked for. A state's output is the
 * next state's input, and a Parallel state's input is every branch's, so one value often appears in
 * several history events; they share one text. The value must not change after it is wrapped, which
 * holds for the values of an execution: nothing changes a value in place once a state has produced
 * it.
 */
public final class JsonText {
  private final JsonNode value;
  private volatile String text;

  public JsonText(JsonNode value) {
    this.value = value;
  }

  public JsonNode value() {
    return value;
  }

  /** Whether this wraps exactly {@code candidate}, the same object. */
  public boolean wraps(JsonNode candidate) {
    return value == candidate;
  }

  public String text() {
    String written = text;
    if (written == null) {
      // Two threads may both write it; they write the same text.
      written = Json.write(value);
      text = written;
    }
    return written;
  }
}
