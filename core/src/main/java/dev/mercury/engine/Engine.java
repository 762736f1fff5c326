package dev.mercury.engine;

import dev.mercury.language.model.StateMachine;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.StepBus;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives executions in one thread: the in-process bus around the stateless {@link Transition}. Each
 * message is one transition: read the checkpoint, apply, commit the checkpoint with its events and
 * timers, then carry out the rest. Task results from invokers and executions started by other
 * threads arrive on a concurrent queue; waits and retry delays are timers in the store, held as
 * data, never as sleeping threads.
 *
 * <p>After a restart, {@link #resume()} rebuilds the pending work of every running execution from
 * its checkpoint (see {@link Projector}); timers are already in the store.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final int TIMER_BATCH = 256;
  private static final long VIRTUAL_GRACE_MILLIS = 50;

  private final CheckpointStore store;
  private final Invoker invoker;
  private final Clock clock;
  private final Transition transition;
  private final ArrayDeque<StepMessage> ready = new ArrayDeque<>();
  private final LinkedBlockingQueue<StepMessage> arrived = new LinkedBlockingQueue<>();
  private final ArrayDeque<StepMessage> dueTimers = new ArrayDeque<>();
  private List<Dispatch.Timer> claimedTimers = List.of();
  private final AtomicLong inFlight = new AtomicLong();
  private final List<Consumer<Checkpoint>> endListeners = new CopyOnWriteArrayList<>();
  private long nextDue = Long.MAX_VALUE;
  private long transitions;
  private final StepBus outbox;

  public Engine(CheckpointStore store, Invoker invoker, Clock clock) {
    this(store, invoker, clock, null, Transition.DEFAULT_HISTORY_LIMIT);
  }

  /**
   * An engine whose executions may write up to {@code historyLimit} events each instead of AWS's
   * 25,000, for benchmarks whose workloads are longer than AWS allows.
   */
  public Engine(CheckpointStore store, Invoker invoker, Clock clock, int historyLimit) {
    this(store, invoker, clock, null, historyLimit);
  }

  private Engine(
      CheckpointStore store, Invoker invoker, Clock clock, StepBus outbox, int historyLimit) {
    this.store = store;
    this.invoker = invoker;
    this.clock = clock;
    this.transition = new Transition(clock::millis, historyLimit);
    this.outbox = outbox;
    this.nextDue = outbox != null ? Long.MAX_VALUE : store.nextTimerDue().orElse(Long.MAX_VALUE);
  }

  /**
   * An engine that takes no transitions itself: the executions it starts and the messages submitted
   * to it go to {@code bus}, for {@link Worker}s to take. The API of a distributed server uses it.
   */
  public static Engine frontDoor(CheckpointStore store, StepBus bus, Clock clock) {
    return new Engine(
        store, new dev.mercury.invoke.NoInvoker(), clock, bus, Transition.DEFAULT_HISTORY_LIMIT);
  }

  /** Creates an execution and queues its start; safe to call from any thread. */
  public Checkpoint start(StateMachine machine, String stateMachineArn, String name, String input) {
    return start(Transition.newExecution(machine, stateMachineArn, name, input, clock.millis()));
  }

  /**
   * Stores an execution made with {@link Transition#newExecution} (and perhaps given a parent) and
   * queues its start; safe to call from any thread.
   */
  public Checkpoint start(Checkpoint checkpoint) {
    store.create(checkpoint);
    submit(
        new StepMessage(
            checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
    return checkpoint;
  }

  /** Queues a message from another thread, such as a stop request. */
  public void submit(StepMessage message) {
    if (outbox != null) {
      outbox.publish(message);
    } else {
      arrived.add(message);
    }
  }

  /** Queues again the pending work of every running execution, after a restart. */
  public void resume() {
    for (String arn : store.runningExecutions()) {
      for (Dispatch dispatch : Projector.pendingWork(store.read(arn))) {
        carryOut(dispatch);
      }
    }
    nextDue = store.nextTimerDue().orElse(Long.MAX_VALUE);
  }

  /** Takes transitions until the execution has ended. */
  public Checkpoint runToEnd(String executionArn) throws InterruptedException {
    Checkpoint current = store.read(executionArn);
    while (current.isRunning()) {
      StepMessage next = next(true);
      Checkpoint written = next == null ? null : apply(next);
      if (written != null && written.executionArn.equals(executionArn)) {
        current = written;
      }
    }
    return current;
  }

  /** Takes transitions until {@code stop} says so; waits when there is nothing to do. */
  public void runUntil(BooleanSupplier stop) throws InterruptedException {
    while (!stop.getAsBoolean()) {
      StepMessage next = next(false);
      if (next != null) {
        applySafely(next);
      }
    }
  }

  /** The engine's clock, for callers that create executions themselves. */
  public Clock clock() {
    return clock;
  }

  /**
   * Calls {@code listener} on the engine's thread with each execution that ends, once its end is
   * committed; for callers that wait on an execution, such as StartSyncExecution.
   */
  public void onEnd(Consumer<Checkpoint> listener) {
    endListeners.add(listener);
  }

  /** How many transitions changed a checkpoint so far. */
  public long transitions() {
    return transitions;
  }

  private StepMessage next(boolean expectWork) throws InterruptedException {
    StepMessage message = arrived.poll();
    if (message != null) {
      return message;
    }
    message = dueTimer();
    if (message != null) {
      return message;
    }
    message = ready.poll();
    if (message != null) {
      return message;
    }
    if (nextDue != Long.MAX_VALUE && clock instanceof VirtualClock virtual) {
      // Under virtual time a task in flight gets a moment of real time to answer before the
      // clock jumps to the next timer, which may be that task's own timeout.
      if (inFlight.get() > 0) {
        message = arrived.poll(VIRTUAL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        if (message != null) {
          return message;
        }
      }
      virtual.advanceTo(nextDue);
      return dueTimer();
    }
    if (expectWork && nextDue == Long.MAX_VALUE && inFlight.get() == 0) {
      throw new IllegalStateException("an execution is running but nothing is pending for it");
    }
    long wait = nextDue == Long.MAX_VALUE ? 200 : Math.max(1, nextDue - clock.millis());
    return arrived.poll(Math.min(wait, 200), TimeUnit.MILLISECONDS);
  }

  private StepMessage dueTimer() {
    if (dueTimers.isEmpty() && !claimedTimers.isEmpty()) {
      // Every transition these timers started has committed: the store may forget them.
      store.timersFired(claimedTimers);
      claimedTimers = List.of();
    }
    if (dueTimers.isEmpty() && nextDue <= clock.millis()) {
      claimedTimers = store.claimDueTimers(clock.millis(), TIMER_BATCH);
      for (Dispatch.Timer timer : claimedTimers) {
        dueTimers.add(timer.message());
      }
      nextDue = store.nextTimerDue().orElse(Long.MAX_VALUE);
    }
    return dueTimers.poll();
  }

  /**
   * A long-running engine outlives any one message: a store failure drops the message, which the
   * execution's checkpoint still describes, so {@link #resume()} finds the work again.
   */
  private void applySafely(StepMessage message) {
    try {
      apply(message);
    } catch (CheckpointStore.ConflictException e) {
      LOG.debug("stale message dropped execution={}", message.executionArn());
    } catch (RuntimeException e) {
      LOG.error(
          "message dropped execution={} flow={}", message.executionArn(), message.flowId(), e);
    }
  }

  /** Takes one transition; returns the checkpoint it wrote, or null when nothing changed. */
  private Checkpoint apply(StepMessage message) {
    Checkpoint checkpoint = store.read(message.executionArn());
    if (checkpoint == null) {
      return null;
    }
    long readVersion = checkpoint.version;
    Transition.Result result = transition.apply(checkpoint, message);
    if (!result.changed()) {
      return null;
    }
    List<Dispatch.Timer> timers = new ArrayList<>();
    for (Dispatch dispatch : result.dispatches()) {
      if (dispatch instanceof Dispatch.Timer timer) {
        timers.add(timer);
        nextDue = Math.min(nextDue, timer.dueMillis());
      }
    }
    store.commit(checkpoint, readVersion, result.events(), timers);
    transitions++;
    logMilestone(checkpoint, message);
    if (!checkpoint.isRunning()) {
      endListeners.forEach(listener -> listener.accept(checkpoint));
    }
    for (Dispatch dispatch : result.dispatches()) {
      carryOut(dispatch);
    }
    return checkpoint;
  }

  private static void logMilestone(Checkpoint checkpoint, StepMessage message) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "transition execution={} flow={} step={} version={}",
          checkpoint.executionArn,
          message.flowId(),
          message.step().getClass().getSimpleName(),
          checkpoint.version);
    }
    if (!checkpoint.isRunning()) {
      LOG.info(
          "execution ended execution={} status={} durationMs={}",
          checkpoint.executionArn,
          checkpoint.status,
          checkpoint.stopMillis - checkpoint.startMillis);
    }
  }

  private void carryOut(Dispatch dispatch) {
    switch (dispatch) {
      case Dispatch.Publish publish -> ready.add(publish.message());
      case Dispatch.Timer timer -> {}
      case Dispatch.Invoke invoke -> invoke(invoke.request());
    }
  }

  private void invoke(InvokeRequest request) {
    inFlight.incrementAndGet();
    invoker
        .invoke(request)
        .whenComplete(
            (result, failure) -> {
              StepMessage.TaskResult answer =
                  failure == null
                      ? result
                      : StepMessage.TaskResult.failure(
                          "States.TaskFailed", String.valueOf(failure.getMessage()));
              arrived.add(
                  new StepMessage(request.executionArn(), request.flowId(), request.seq(), answer));
              inFlight.decrementAndGet();
            });
  }
}
