package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** The children a Parallel or Map state has started, and what they returned so far. */
public final class Fork {
  public int total;
  public int launched;
  public int completed;
  public int failed;
  public JsonNode[] results;

  /** The Map items still to launch (the inputs before ItemSelector), or null for Parallel. */
  public ArrayNode items;

  /** The Map state's effective input, which ItemSelector reads as {@code $}. */
  public JsonNode selectorInput;

  public int maxConcurrency;
  public int toleratedFailureCount = -1;
  public double toleratedFailurePercentage = -1;

  /** The Map Run of a distributed Map state; null for inline Maps and Parallel states. */
  public String mapRunArn;

  public int running() {
    return launched - completed - failed;
  }
}
