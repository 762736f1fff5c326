package dev.mercury.store.memory;

import dev.mercury.port.CheckpointStore;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.util.List;
import java.util.OptionalLong;

/**
 * An in-memory store that passes every checkpoint through its Protocol Buffers bytes on the way in
 * and out, as a durable store does, so each read is a fresh object. Running an execution on it
 * shows that a transition needs nothing but the stored checkpoint.
 */
public final class EncodedCheckpointStore implements CheckpointStore {
  private final CheckpointCodec codec = new CheckpointCodec();
  private final MemoryCheckpointStore stored = new MemoryCheckpointStore();

  private Checkpoint copy(Checkpoint checkpoint) {
    return checkpoint == null ? null : codec.decode(codec.encode(checkpoint));
  }

  @Override
  public void create(Checkpoint checkpoint) {
    stored.create(copy(checkpoint));
  }

  @Override
  public Checkpoint read(String executionArn) {
    return copy(stored.read(executionArn));
  }

  @Override
  public void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers) {
    stored.commit(copy(checkpoint), readVersion, events, timers);
  }

  @Override
  public List<HistoryEvent> history(String executionArn) {
    return stored.history(executionArn);
  }

  @Override
  public List<Dispatch.Timer> claimDueTimers(long now, int max) {
    return stored.claimDueTimers(now, max);
  }

  @Override
  public OptionalLong nextTimerDue() {
    return stored.nextTimerDue();
  }

  @Override
  public List<Checkpoint> executions(String stateMachineArn, int limit, int offset) {
    return stored.executions(stateMachineArn, limit, offset).stream().map(this::copy).toList();
  }

  @Override
  public List<String> runningExecutions() {
    return stored.runningExecutions();
  }
}
