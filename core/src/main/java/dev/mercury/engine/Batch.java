package dev.mercury.engine;

import dev.mercury.port.CheckpointStore.Commit;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transitions the engine took since its last commit, gathered by execution: each execution's
 * latest checkpoint with the version it was read at, and the events and timers of all its
 * transitions in order, so that one store commit writes them together. What reaches beyond the
 * execution (invocations, steps for other executions, its end) waits here until that commit
 * succeeds.
 */
final class Batch {
  /** A transition taken: its message and when it started, for the engine's listener. */
  record Taken(StepMessage message, long startedNanos) {}

  /** One execution's share of the batch. */
  static final class Pending {
    final Checkpoint checkpoint;
    final long readVersion;
    final List<HistoryEvent> events = new ArrayList<>();
    final List<Dispatch.Timer> timers = new ArrayList<>();
    final List<InvokeRequest> invokes = new ArrayList<>();
    final List<StepMessage> toOthers = new ArrayList<>();
    final List<Taken> taken = new ArrayList<>();
    Commit commit;

    Pending(Checkpoint checkpoint, long readVersion) {
      this.checkpoint = checkpoint;
      this.readVersion = readVersion;
    }
  }

  private final Map<String, Pending> byExecution = new LinkedHashMap<>();
  private int transitions;

  /** The checkpoint this batch already changed, or null when the execution is not in it. */
  Checkpoint checkpoint(String executionArn) {
    Pending pending = byExecution.get(executionArn);
    return pending == null ? null : pending.checkpoint;
  }

  /**
   * Records a transition of the execution and returns the execution's share, opened at {@code
   * readVersion} when the execution is not in the batch yet.
   */
  Pending took(Checkpoint checkpoint, long readVersion, StepMessage message, long startedNanos) {
    Pending pending =
        byExecution.computeIfAbsent(
            checkpoint.executionArn, arn -> new Pending(checkpoint, readVersion));
    pending.taken.add(new Taken(message, startedNanos));
    transitions++;
    return pending;
  }

  /** Takes the execution out: its checkpoint object can no longer be trusted. */
  void drop(String executionArn) {
    Pending dropped = byExecution.remove(executionArn);
    if (dropped != null) {
      transitions -= dropped.taken.size();
    }
  }

  int transitions() {
    return transitions;
  }

  boolean isEmpty() {
    return byExecution.isEmpty();
  }

  Collection<Pending> pending() {
    return byExecution.values();
  }

  /** What the store is asked to write, one commit per execution. */
  List<Commit> commits() {
    List<Commit> commits = new ArrayList<>(byExecution.size());
    for (Pending pending : byExecution.values()) {
      pending.commit =
          new Commit(pending.checkpoint, pending.readVersion, pending.events, pending.timers);
      commits.add(pending.commit);
    }
    return commits;
  }
}
