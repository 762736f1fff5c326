package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Calls a resource and waits for its result. */
public record TaskState(
    StateFields fields,
    String resource,
    DynamicValue timeoutSeconds,
    DynamicValue heartbeatSeconds,
    List<Retrier> retriers,
    List<Catcher> catchers,
    JsonNode credentials)
    implements State, Recoverable {
  @Override
  public String typeName() {
    return "Task";
  }
}
