package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.path.JsonPath;
import java.util.List;

/**
 * Runs its item processor once per item of an array and collects the outputs in order.
 *
 * @param itemsPath JSONPath ItemsPath, null when absent
 * @param items JSONata Items, null when absent
 * @param itemSelector ItemSelector, or the older Parameters, or null
 * @param batcher ItemBatcher, or null
 */
public record MapState(
    StateFields fields,
    Program processor,
    JsonPath itemsPath,
    JsonNode items,
    PayloadTemplate itemSelector,
    JsonNode itemSelectorJsonata,
    DynamicValue maxConcurrency,
    DynamicValue toleratedFailureCount,
    DynamicValue toleratedFailurePercentage,
    ItemBatcher batcher,
    String label,
    List<Retrier> retriers,
    List<Catcher> catchers)
    implements State, Recoverable {
  @Override
  public String typeName() {
    return "Map";
  }

  /** Groups items into batches: {@code {"Items": [...], "BatchInput": ...}}. */
  public record ItemBatcher(
      DynamicValue maxItemsPerBatch, DynamicValue maxInputBytesPerBatch, JsonNode batchInput) {}
}
