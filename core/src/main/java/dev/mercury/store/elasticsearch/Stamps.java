package dev.mercury.store.elasticsearch;

import dev.mercury.transition.HistoryEvent;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a store knows of the checkpoints it read or wrote lately, by execution ARN: enough to write
 * the next one conditionally without reading it first. The least recently used go first once the
 * kept bytes pass the budget, so executions with large definitions or data cost fewer entries, not
 * more memory.
 */
final class Stamps {
  /** A rough size for each pending event, whose details are a JSON tree and not bytes. */
  private static final int EVENT_BYTES = 512;

  /**
   * Where a checkpoint document stood when it was read or written: the sequence number and primary
   * term its next conditional write names, the events it still holds and the checkpoint's bytes.
   */
  record Stamp(
      long version, long seqNo, long primaryTerm, List<HistoryEvent> pending, byte[] bytes) {
    long size() {
      return (bytes == null ? 0 : bytes.length) + (long) pending.size() * EVENT_BYTES + 64;
    }
  }

  private final LinkedHashMap<String, Stamp> byArn = new LinkedHashMap<>(256, 0.75f, true);
  private final long budget;
  private long kept;

  Stamps(long budgetBytes) {
    this.budget = budgetBytes;
  }

  synchronized Stamp get(String arn) {
    return byArn.get(arn);
  }

  synchronized void put(String arn, Stamp stamp) {
    Stamp previous = byArn.put(arn, stamp);
    kept += stamp.size() - (previous == null ? 0 : previous.size());
    var eldest = byArn.entrySet().iterator();
    while (kept > budget && eldest.hasNext()) {
      kept -= eldest.next().getValue().size();
      eldest.remove();
    }
  }

  synchronized void remove(String arn) {
    Stamp removed = byArn.remove(arn);
    if (removed != null) {
      kept -= removed.size();
    }
  }
}
