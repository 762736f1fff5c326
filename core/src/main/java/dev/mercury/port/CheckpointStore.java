package dev.mercury.port;

import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where executions live: one checkpoint per execution, its history, and its timers. A commit writes
 * the new checkpoint, appends its events and stores its timers together, and only if nobody
 * committed since the version read, so a transition is applied once or not at all.
 */
public interface CheckpointStore {
  /** Stores a new execution; throws {@link ConflictException} when its ARN is taken. */
  void create(Checkpoint checkpoint);

  /** The execution's checkpoint, or null when there is none. */
  Checkpoint read(String executionArn);

  /**
   * The checkpoints of several executions, by ARN; those that do not exist are left out. A store
   * that can read them in one request does.
   */
  default Map<String, Checkpoint> readAll(Collection<String> executionArns) {
    Map<String, Checkpoint> found = new HashMap<>();
    for (String arn : executionArns) {
      Checkpoint checkpoint = read(arn);
      if (checkpoint != null) {
        found.put(arn, checkpoint);
      }
    }
    return found;
  }

  /**
   * The execution's checkpoint as this process last read or wrote it, when the store keeps it, or
   * null. It may be behind the stored one, should another process have written since: a commit
   * against it is then refused, and a message it finds stale or early must be judged again against
   * {@link #read}. A store of one process, whose reads are already its own, keeps nothing here.
   */
  default Checkpoint lastSeen(String executionArn) {
    return null;
  }

  /**
   * Writes {@code checkpoint}, appends {@code events} and stores {@code timers} if the stored
   * version is still {@code readVersion}; otherwise throws {@link ConflictException} and writes
   * nothing.
   */
  void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers);

  /** One execution's writes for {@link #commitAll}: what {@link #commit} takes. */
  record Commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers) {}

  /**
   * Commits several executions' writes, each under its own version check as {@link #commit} does,
   * and returns those whose check failed; nothing of those is written. A store that can write them
   * all in one transaction does, so it pays for one durable write instead of one per execution;
   * this default commits them one by one.
   */
  default List<Commit> commitAll(List<Commit> commits) {
    List<Commit> refused = new ArrayList<>();
    for (Commit commit : commits) {
      try {
        commit(commit.checkpoint(), commit.readVersion(), commit.events(), commit.timers());
      } catch (ConflictException e) {
        refused.add(commit);
      }
    }
    return refused;
  }

  /**
   * Whether the engine that writes here may keep the checkpoints it committed and take their next
   * transition without reading them back: true only for a store that no other process writes and
   * whose reads cost a decode. Stores that hand out their live objects, or that exist to show that
   * each transition needs nothing but the stored bytes, say no.
   */
  default boolean engineMayKeepCheckpoints() {
    return false;
  }

  /** The execution's history, oldest first. */
  List<HistoryEvent> history(String executionArn);

  /**
   * Removes and returns up to {@code max} timers due at {@code now}. A timer is handed to one
   * caller only, however many workers ask at once.
   *
   * <p>A store shared by several processes may instead lease a claimed timer and keep it until the
   * claimer confirms with {@link #timersFired}, handing it out again when the lease runs out, so a
   * claimer that dies before delivering the message loses no timer. The repeat is harmless: the
   * flow's seq has moved on when the first delivery was taken.
   */
  List<Dispatch.Timer> claimDueTimers(long now, int max);

  /**
   * Confirms that claimed timers were delivered, so a store that leases claims can forget them.
   * Stores that remove timers when they are claimed need do nothing.
   */
  default void timersFired(List<Dispatch.Timer> fired) {}

  /** When the earliest stored timer falls due, if there is one. */
  OptionalLong nextTimerDue();

  /** Executions of a state machine, newest first, from {@code offset}, at most {@code limit}. */
  List<Checkpoint> executions(String stateMachineArn, int limit, int offset);

  /** The ARNs of executions still running, for rebuilding their pending work after a restart. */
  List<String> runningExecutions();

  /**
   * Running executions whose checkpoint was last written before {@code unchangedSinceMillis} and
   * that wait for something other than a timer: candidates for the sweeper. A store that does not
   * track write times answers with every running execution, which is correct but slower.
   */
  default List<String> idleExecutions(long unchangedSinceMillis) {
    return runningExecutions();
  }

  /** Another writer got there first. */
  final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }
}
