package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Watches one transition from outside, for the TestState API: sees each stage of a state's input
 * and output processing as it is computed, and may replace parts of the context object. A normal
 * transition has the probe that does nothing.
 */
public interface Probe {
  Probe NONE = new Probe() {};

  /**
   * A stage of data processing: {@code afterInputPath}, {@code afterParameters}, {@code
   * afterArguments}, {@code result}, {@code afterResultSelector} or {@code afterResultPath}.
   */
  default void record(String stage, JsonNode value) {}

  /** A state's Assign set {@code values} in {@code flow}. */
  default void assigned(Flow flow, Map<String, JsonNode> values) {}

  /** The context object paths and expressions see; by default the one the transition built. */
  default ObjectNode context(ObjectNode built) {
    return built;
  }
}
