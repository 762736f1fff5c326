package dev.mercury.store.memory;

import dev.mercury.port.CheckpointStore;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps checkpoints in memory as their Protocol Buffers bytes and decodes a fresh object on every
 * read, as a durable store does. Running an execution on it shows that a transition needs nothing
 * but the stored checkpoint.
 */
public final class EncodedCheckpointStore implements CheckpointStore {
  private final CheckpointCodec codec = new CheckpointCodec();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Timers timers = new Timers();

  private static final class Entry {
    byte[] checkpoint;
    long version;
    final List<HistoryEvent> history = new ArrayList<>();
  }

  @Override
  public void create(Checkpoint checkpoint) {
    Entry entry = new Entry();
    entry.checkpoint = codec.encode(checkpoint);
    entry.version = checkpoint.version;
    if (entries.putIfAbsent(checkpoint.executionArn, entry) != null) {
      throw new ConflictException("execution exists: " + checkpoint.executionArn);
    }
  }

  @Override
  public Checkpoint read(String executionArn) {
    Entry entry = entries.get(executionArn);
    if (entry == null) {
      return null;
    }
    synchronized (entry) {
      return codec.decode(entry.checkpoint);
    }
  }

  @Override
  public void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> newTimers) {
    Entry entry = entries.get(checkpoint.executionArn);
    synchronized (entry) {
      if (entry.version != readVersion) {
        throw new ConflictException(
            "checkpoint of " + checkpoint.executionArn + " moved past version " + readVersion);
      }
      entry.checkpoint = codec.encode(checkpoint);
      entry.version = checkpoint.version;
      entry.history.addAll(events);
      timers.addAll(newTimers);
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
