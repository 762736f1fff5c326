package dev.mercury.port;

import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.HistoryEvent;
import java.util.List;

/**
 * Where executions live: one checkpoint per execution and its history. A commit writes the new
 * checkpoint and its events together, and only if nobody committed since the version read.
 */
public interface CheckpointStore {
  /** Stores a new execution; throws {@link ConflictException} when its ARN is taken. */
  void create(Checkpoint checkpoint);

  /** The execution's checkpoint, or null when there is none. */
  Checkpoint read(String executionArn);

  /**
   * Writes {@code checkpoint} and appends {@code events} if the stored version is still {@code
   * readVersion}; otherwise throws {@link ConflictException} and writes nothing.
   */
  void commit(Checkpoint checkpoint, long readVersion, List<HistoryEvent> events);

  /** The execution's history, oldest first. */
  List<HistoryEvent> history(String executionArn);

  /** Another writer got there first. */
  final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }
}
