package dev.mercury.transition;

import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateless core: applies one step message to an execution's checkpoint and returns the history
 * events and dispatches that follow.
 *
 * <p>Invariants: a transition only reads its checkpoint and message and only changes the
 * checkpoint; everything else it wants done is returned, to be carried out after the checkpoint and
 * events are committed together. A message for a flow whose seq moved on, or for an execution that
 * has ended, changes nothing, so redelivered and duplicated messages are harmless.
 */
public final class Transition {
  /** AWS's limit on one execution's history. */
  public static final int DEFAULT_HISTORY_LIMIT = 25_000;

  private static final Logger LOG = LoggerFactory.getLogger(Transition.class);

  private final LongSupplier clock;
  private final int historyLimit;

  public Transition(LongSupplier clock) {
    this(clock, DEFAULT_HISTORY_LIMIT);
  }

  public Transition(LongSupplier clock, int historyLimit) {
    this.clock = clock;
    this.historyLimit = historyLimit;
  }

  /** What one transition produced. Empty when the message was a repeat. */
  /**
   * What one transition produced. {@code touched} says the checkpoint changed without an event or a
   * dispatch (UpdateMapRun's new settings), so it must still be written.
   */
  public record Result(List<HistoryEvent> events, List<Dispatch> dispatches, boolean touched) {
    /** Nothing happened. */
    public static final Result NONE = new Result(List.of(), List.of());

    public Result(List<HistoryEvent> events, List<Dispatch> dispatches) {
      this(events, dispatches, false);
    }

    public boolean changed() {
      return touched || !events.isEmpty() || !dispatches.isEmpty();
    }
  }

  /** Creates the checkpoint of a new execution; the Start message then begins it. */
  public static Checkpoint newExecution(
      StateMachine machine, String stateMachineArn, String name, String inputJson, long now) {
    Checkpoint checkpoint = new Checkpoint();
    checkpoint.machine = machine;
    checkpoint.stateMachineArn = stateMachineArn;
    checkpoint.name = name;
    checkpoint.executionArn = Arns.execution(stateMachineArn, name);
    checkpoint.input = Json.parseTrusted(inputJson);
    checkpoint.startMillis = now;
    return checkpoint;
  }

  public Result apply(Checkpoint checkpoint, StepMessage message) {
    return apply(checkpoint, message, Probe.NONE);
  }

  /** Applies the message with a probe watching, as the TestState API does. */
  public Result apply(Checkpoint checkpoint, StepMessage message, Probe probe) {
    Turn turn = new Turn(checkpoint, clock.getAsLong(), probe);
    if (checkpoint.isRunning()) {
      try {
        route(turn, message);
      } catch (RuntimeException bug) {
        // A fault in Mercury fails this execution, never the process that runs the others.
        LOG.error("transition failed execution={}", checkpoint.executionArn, bug);
        Lifecycle.fail(
            turn, null, ErrorName.RUNTIME, "Mercury could not take a transition: " + bug);
      }
      if (checkpoint.isRunning() && checkpoint.lastEventId > historyLimit) {
        Lifecycle.fail(
            turn,
            null,
            ErrorName.RUNTIME,
            "The execution's history reached the limit of " + historyLimit + " events.");
      }
    } else if (message.step() instanceof StepMessage.Redrive) {
      Lifecycle.redrive(turn);
    }
    if (turn.events.isEmpty() && turn.dispatches.isEmpty() && !turn.touched) {
      return Result.NONE;
    }
    checkpoint.version++;
    return new Result(turn.events, turn.dispatches, turn.touched);
  }

  /**
   * Whether {@code message} is a flow's timer for a seq the flow has not reached: the transition
   * that set it wrote the timer before its commit, and the commit has not landed yet (it is slow,
   * or its worker died and the step that caused it will come again). Such a message is not stale:
   * it must wait for that commit, or the Wait, Retry or timeout it ends would never end, since its
   * timer is gone and a second firing under the same message id is dropped as a repeat.
   */
  public static boolean isAhead(Checkpoint checkpoint, StepMessage message) {
    if (!checkpoint.isRunning()
        || !(message.step() instanceof StepMessage.TimerDue due)
        || due.purpose() == StepMessage.TimerPurpose.EXECUTION_TIMEOUT) {
      return false;
    }
    Flow flow = checkpoint.flows.get(message.flowId());
    return flow != null && message.seq() > flow.seq;
  }

  private static void route(Turn turn, StepMessage message) {
    switch (message.step()) {
      case StepMessage.Start start -> Lifecycle.start(turn);
      case StepMessage.Stop stop -> Lifecycle.stop(turn, stop);
      case StepMessage.TimerDue due
          when due.purpose() == StepMessage.TimerPurpose.EXECUTION_TIMEOUT -> {
        // The timer of a run before the latest redrive has no say over this one.
        if (message.seq() == turn.checkpoint.redriveCount) {
          Lifecycle.timeOut(turn);
        }
      }
      case StepMessage.Redrive redrive -> {}
      default -> routeToFlow(turn, message);
    }
  }

  private static void routeToFlow(Turn turn, StepMessage message) {
    Flow flow = turn.checkpoint.flows.get(message.flowId());
    if (flow == null) {
      return;
    }
    StateRunner runner = new StateRunner(turn);
    switch (message.step()) {
      case StepMessage.TaskCallback callback -> {
        if (holds(flow, callback.token())) {
          flow.seq++;
          runner.taskResult(flow, callback.result());
        }
        return;
      }
      case StepMessage.TaskHeartbeat heartbeat -> {
        if (holds(flow, heartbeat.token())) {
          runner.taskHeartbeat(flow);
        }
        return;
      }
      case StepMessage.ActivityStarted started -> {
        if (holds(flow, started.token())) {
          runner.activityStarted(flow, started.workerName());
        }
        return;
      }
      case StepMessage.MapRunUpdate update -> {
        new Fan(turn).update(flow, update);
        return;
      }
      default -> {}
    }
    if (flow.seq != message.seq() || leavesFlowWhereItIs(turn, flow, message, runner)) {
      return;
    }
    flow.seq++;
    switch (message.step()) {
      case StepMessage.Advance advance -> runner.enter(flow);
      case StepMessage.TaskResult result -> runner.taskResult(flow, result);
      case StepMessage.TimerDue due -> runner.timerDue(flow, due.purpose());
      default -> throw new IllegalArgumentException("unexpected step " + message.step());
    }
  }

  /** Whether the flow waits for the callback on exactly this token. */
  private static boolean holds(Flow flow, String token) {
    return flow.phase == Flow.Phase.AWAITING_TASK
        && flow.taskToken != null
        && flow.taskToken.equals(token);
  }

  /**
   * Messages that concern the flow's current seq without moving it on, so that the timers and
   * replies already set for that seq stay valid: a callback Task's hand-over succeeding (recorded,
   * and the Task waits on), and a heartbeat timer that a later heartbeat pushed back.
   */
  private static boolean leavesFlowWhereItIs(
      Turn turn, Flow flow, StepMessage message, StateRunner runner) {
    return switch (message.step()) {
      case StepMessage.TaskResult result when result.succeeded() && flow.taskToken != null -> {
        runner.taskSubmitted(flow, result.output());
        yield true;
      }
      case StepMessage.TimerDue due
          when due.purpose() == StepMessage.TimerPurpose.HEARTBEAT_TIMEOUT ->
          flow.heartbeatDueMillis == 0 || turn.now < flow.heartbeatDueMillis;
      default -> false;
    };
  }
}
