package dev.mercury.host;

import static dev.mercury.host.Pauses.jitter;
import static dev.mercury.host.Pauses.pause;

import dev.mercury.engine.Projector;
import dev.mercury.language.error.ErrorName;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.CheckpointStore.ConflictException;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.StepBus;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one message, whoever delivers it: a long-running {@link dev.mercury.engine.Worker}
 * that consumes JetStream itself, or a function host that gets one message per invocation. Holds
 * nothing an execution needs between calls; the counters are for metrics only.
 *
 * <p>A step is one transition: read the checkpoint, apply the message, commit the new checkpoint
 * with its events and timers only if nobody committed since the read, then publish what follows.
 * Losing the commit to another writer means reading again and re-applying, a few times, before
 * answering {@link Outcome#CONTENDED} so the deliverer can try later. A step found stale on
 * redelivery sends the execution's pending work again, which covers a predecessor that committed
 * and died before sending.
 */
public final class Stepper {
  private static final Logger LOG = LoggerFactory.getLogger(Stepper.class);
  private static final int CONFLICT_RETRIES = 8;

  /** What became of one step message. */
  public enum Outcome {
    /** The transition committed and what follows is on the bus: acknowledge the message. */
    COMMITTED,
    /** The message changed nothing (a repeat, or an execution that is gone): acknowledge it. */
    STALE,
    /** Other writers kept winning the commit: deliver the message again later. */
    CONTENDED,
    /**
     * A timer that fell due before the commit that set it landed (see Transition.isAhead): deliver
     * it again once that commit had time to land.
     */
    EARLY
  }

  /** Told of each committed transition, for metrics and benchmarks. */
  @FunctionalInterface
  public interface Listener {
    void committed(StepMessage message, long nanos);
  }

  private final CheckpointStore store;
  private final StepBus bus;
  private final Invoker invoker;
  private final Clock clock;
  private final int timerBatch;
  private final Transition transition;
  private final LongAdder transitions = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private volatile Listener listener = (message, nanos) -> {};

  /**
   * @param timerBatch how many due timers {@link #fireDueTimers} claims at once
   */
  public Stepper(CheckpointStore store, StepBus bus, Invoker invoker, Clock clock, int timerBatch) {
    this.store = store;
    this.bus = bus;
    this.invoker = invoker;
    this.clock = clock;
    this.timerBatch = timerBatch;
    this.transition = new Transition(clock::millis);
  }

  public Stepper listener(Listener newListener) {
    this.listener = newListener;
    return this;
  }

  /** Transitions committed so far. */
  public long transitions() {
    return transitions.sum();
  }

  /** Commits lost to another writer and tried again. */
  public long conflicts() {
    return conflicts.sum();
  }

  /** The clock transitions and timers are measured by. */
  public Clock clock() {
    return clock;
  }

  /** Takes one transition; {@code redelivered} says the bus delivered this message before. */
  public Outcome take(StepMessage message, boolean redelivered) {
    for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
      long started = System.nanoTime();
      Checkpoint checkpoint = store.read(message.executionArn());
      if (checkpoint == null) {
        LOG.warn("Dropping a step for an execution that does not exist: {}", message);
        return Outcome.STALE;
      }
      if (Transition.isAhead(checkpoint, message)) {
        return Outcome.EARLY;
      }
      long readVersion = checkpoint.version;
      Transition.Result result = transition.apply(checkpoint, message);
      if (!result.changed()) {
        if (redelivered) {
          send(Projector.pendingWork(checkpoint));
        }
        return Outcome.STALE;
      }
      try {
        store.commit(checkpoint, readVersion, result.events(), timers(result));
      } catch (ConflictException e) {
        conflicts.increment();
        pause(jitter(1, 5 << Math.min(attempt, 4)));
        continue;
      }
      transitions.increment();
      send(result.dispatches());
      listener.committed(message, System.nanoTime() - started);
      if (!checkpoint.isRunning()) {
        LOG.info(
            "execution ended execution={} status={}", checkpoint.executionArn, checkpoint.status);
      }
      return Outcome.COMMITTED;
    }
    return Outcome.CONTENDED;
  }

  /**
   * Calls the Task's resource and publishes its result as a step. A call that fails becomes a
   * States.TaskFailed result; only a failure to publish is thrown, so the deliverer keeps the
   * request and the call is made again.
   */
  public StepMessage.TaskResult call(InvokeRequest request) {
    return call(request, () -> {});
  }

  /** As {@link #call(InvokeRequest)}, running {@code stillWorking} each second the call lasts. */
  public StepMessage.TaskResult call(InvokeRequest request, Runnable stillWorking) {
    CompletableFuture<StepMessage.TaskResult> call;
    try {
      call = invoker.invoke(request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    StepMessage.TaskResult result = await(call, stillWorking);
    bus.publish(new StepMessage(request.executionArn(), request.flowId(), request.seq(), result));
    return result;
  }

  private static StepMessage.TaskResult await(
      CompletableFuture<StepMessage.TaskResult> call, Runnable stillWorking) {
    try {
      return Pauses.await(call, stillWorking);
    } catch (ExecutionException e) {
      return StepMessage.TaskResult.failure(
          ErrorName.TASK_FAILED, String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StepMessage.TaskResult.failure(ErrorName.TASK_FAILED, "the worker stopped");
    }
  }

  /**
   * Claims up to one batch of due timers, publishes their messages and confirms them to the store;
   * returns how many fired. A caller that gets a full batch back should call again.
   */
  public int fireDueTimers() {
    List<Dispatch.Timer> due = store.claimDueTimers(clock.millis(), timerBatch);
    for (Dispatch.Timer timer : due) {
      bus.publish(timer.message());
    }
    store.timersFired(due);
    return due.size();
  }

  /** The most timers one {@link #fireDueTimers} call claims. */
  public int timerBatch() {
    return timerBatch;
  }

  /**
   * Sends again the pending work of executions whose checkpoint stood still since {@code cutoff};
   * returns how many had work to send.
   */
  public int sweep(long cutoff) {
    int resent = 0;
    for (String arn : store.idleExecutions(cutoff)) {
      List<Dispatch> work = Projector.pendingWork(store.read(arn));
      if (!work.isEmpty()) {
        LOG.warn("Execution {} stood still with work pending; sending it again", arn);
        send(work);
        resent++;
      }
    }
    return resent;
  }

  private static List<Dispatch.Timer> timers(Transition.Result result) {
    List<Dispatch.Timer> timers = new ArrayList<>();
    for (Dispatch dispatch : result.dispatches()) {
      if (dispatch instanceof Dispatch.Timer timer) {
        timers.add(timer);
      }
    }
    return timers;
  }

  private void send(List<Dispatch> dispatches) {
    for (Dispatch dispatch : dispatches) {
      switch (dispatch) {
        case Dispatch.Publish publish -> bus.publish(publish.message());
        case Dispatch.Invoke invoke -> bus.invoke(invoke.request());
        case Dispatch.Timer timer -> {}
      }
    }
  }
}
