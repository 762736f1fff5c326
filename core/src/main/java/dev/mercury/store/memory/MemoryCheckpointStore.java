package dev.mercury.store.memory;

import dev.mercury.port.CheckpointStore;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps checkpoints as live objects in memory, for {@code mercury run} and tests. It hands out the
 * stored object itself, so a transition's changes are visible before commit; the version check
 * still rejects a commit that raced another.
 */
public final class MemoryCheckpointStore implements CheckpointStore {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Timers timers = new Timers();

  private static final class Entry {
    Checkpoint checkpoint;
    final List<HistoryEvent> history = new ArrayList<>();
    long committedVersion;

    Entry(Checkpoint checkpoint) {
      this.checkpoint = checkpoint;
      this.committedVersion = checkpoint.version;
    }
  }

  @Override
  public void create(Checkpoint checkpoint) {
    if (entries.putIfAbsent(checkpoint.executionArn, new Entry(checkpoint)) != null) {
      throw new ConflictException("execution exists: " + checkpoint.executionArn);
    }
  }

  @Override
  public Checkpoint read(String executionArn) {
    Entry entry = entries.get(executionArn);
    return entry == null ? null : entry.checkpoint;
  }

  @Override
  public void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> newTimers) {
    Entry entry = entries.get(checkpoint.executionArn);
    synchronized (entry) {
      if (entry.committedVersion != readVersion) {
        throw new ConflictException(
            "checkpoint of " + checkpoint.executionArn + " moved past version " + readVersion);
      }
      entry.history.addAll(events);
      timers.addAll(newTimers);
      entry.checkpoint = checkpoint;
      entry.committedVersion = checkpoint.version;
    }
  }

  @Override
  public List<Dispatch.Timer> claimDueTimers(long now, int max) {
    return timers.claimDue(now, max);
  }

  @Override
  public OptionalLong nextTimerDue() {
    return timers.nextDue();
  }

  @Override
  public List<Checkpoint> executions(String stateMachineArn, int limit, int offset) {
    return entries.keySet().stream()
        .map(this::read)
        .filter(c -> c.stateMachineArn.equals(stateMachineArn))
        .sorted(
            java.util.Comparator.comparingLong((Checkpoint c) -> -c.startMillis)
                .thenComparing(c -> c.executionArn))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public List<String> runningExecutions() {
    return entries.keySet().stream().filter(arn -> read(arn).isRunning()).toList();
  }

  @Override
  public List<HistoryEvent> history(String executionArn) {
    Entry entry = entries.get(executionArn);
    if (entry == null) {
      return List.of();
    }
    synchronized (entry) {
      return List.copyOf(entry.history);
    }
  }
}
