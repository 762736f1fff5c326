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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Transitions are committed in batches (group commit): the engine takes the messages at hand, up
 * to {@link #BATCH}, including the steps those transitions publish, then commits them in one store
 * call in which each execution keeps its own version check. Only then does anything leave the
 * process: invocations, end listeners, logs. A crash before the commit loses the whole batch and
 * nothing else, as it would lose a single transition; {@link #resume()} finds the work again.
 *
 * <p>On a store that allows it ({@link CheckpointStore#engineMayKeepCheckpoints()}) the engine
 * keeps the checkpoints it committed, up to {@link #KEPT} of them, and takes the next transition
 * from its copy instead of reading and decoding the stored one: in one process the engine is the
 * only writer of its executions.
 *
 * <p>After a restart, {@link #resume()} rebuilds the pending work of every running execution from
 * its checkpoint (see {@link Projector}); timers are already in the store.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final int TIMER_BATCH = 256;

  /** Transitions committed together at most; invocations and ends wait for that commit. */
  static final int BATCH = 128;

  /** How long a batch may go on gathering before it commits, so invocations leave promptly. */
  private static final long BATCH_NANOS = 5_000_000;

  /** Committed checkpoints kept in memory at most, the most recently used. */
  static final int KEPT = 4096;

  private static final long VIRTUAL_GRACE_MILLIS = 50;

  private final CheckpointStore store;
  private final Invoker invoker;
  private final Clock clock;
  private final Transition transition;
  private final ArrayDeque<StepMessage> ready = new ArrayDeque<>();
  private final ArrayDeque<StepMessage> chained = new ArrayDeque<>();
  private final LinkedBlockingQueue<StepMessage> arrived = new LinkedBlockingQueue<>();
  private final ArrayDeque<StepMessage> dueTimers = new ArrayDeque<>();
  private List<Dispatch.Timer> claimedTimers = List.of();
  private final AtomicLong inFlight = new AtomicLong();
  private final List<Consumer<Checkpoint>> endListeners = new CopyOnWriteArrayList<>();
  private long nextDue = Long.MAX_VALUE;
  private long transitions;
  private final StepBus outbox;
  private final Map<String, Checkpoint> kept;
  private volatile Listener listener = (message, nanos) -> {};

  /** Told of each transition once it is committed, with the nanoseconds it took to get there. */
  @FunctionalInterface
  public interface Listener {
    void committed(StepMessage message, long nanos);
  }

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
    this.kept = store.engineMayKeepCheckpoints() ? new Kept() : null;
  }

  /** Least recently used first, forgotten beyond {@link #KEPT}. */
  private static final class Kept extends LinkedHashMap<String, Checkpoint> {
    Kept() {
      super(256, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Checkpoint> eldest) {
      return size() > KEPT;
    }
  }

  /** Sets the listener told of each committed transition, for benchmarks; returns this engine. */
  public Engine listener(Listener newListener) {
    this.listener = newListener;
    return this;
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
      for (Checkpoint written : takeBatch(true, false)) {
        if (written.executionArn.equals(executionArn)) {
          current = written;
        }
      }
    }
    return current;
  }

  /**
   * Takes transitions until {@code stop} says so, asking it between batches; waits when there is
   * nothing to do.
   */
  public void runUntil(BooleanSupplier stop) throws InterruptedException {
    while (!stop.getAsBoolean()) {
      takeBatch(false, true);
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
   * A message that needs no waiting: first an execution's own step published in this batch, so that
   * its next steps join the same commit and its checkpoint is written once for all of them; then
   * one arrived, a claimed timer's, or one ready.
   */
  private StepMessage atHand() {
    StepMessage message = chained.pollFirst();
    if (message == null) {
      message = arrived.poll();
    }
    if (message == null) {
      message = dueTimers.poll();
    }
    return message != null ? message : ready.poll();
  }

  /**
   * Takes the messages at hand, one transition each, and commits them together; returns the
   * checkpoints written. A long-running engine ({@code outlives}) outlives any one message: a
   * failing transition or store drops its messages, which the executions' checkpoints still
   * describe, so {@link #resume()} finds the work again; otherwise the failure is thrown.
   */
  private List<Checkpoint> takeBatch(boolean expectWork, boolean outlives)
      throws InterruptedException {
    StepMessage message = next(expectWork);
    Batch batch = new Batch();
    long started = System.nanoTime();
    RuntimeException failure = null;
    while (message != null) {
      try {
        take(batch, message);
      } catch (RuntimeException e) {
        if (!outlives) {
          failure = e;
          break;
        }
        LOG.error(
            "message dropped execution={} flow={}", message.executionArn(), message.flowId(), e);
      }
      if (batch.transitions() >= BATCH || System.nanoTime() - started > BATCH_NANOS) {
        break;
      }
      message = atHand();
    }
    // What the batch published and did not take waits its turn behind the other executions.
    ready.addAll(chained);
    chained.clear();
    List<Checkpoint> written = commit(batch, outlives);
    if (failure != null) {
      throw failure;
    }
    return written;
  }

  /**
   * Takes one transition into the batch; the steps it publishes for its own execution may be taken
   * at once, since they change nothing outside it until the batch commits.
   */
  private void take(Batch batch, StepMessage message) {
    String arn = message.executionArn();
    long started = System.nanoTime();
    Checkpoint checkpoint = batch.checkpoint(arn);
    long readVersion = -1;
    if (checkpoint == null) {
      checkpoint = kept != null && kept.containsKey(arn) ? kept.get(arn) : store.read(arn);
      if (checkpoint == null) {
        return;
      }
      readVersion = checkpoint.version;
    }
    Transition.Result result;
    try {
      result = transition.apply(checkpoint, message);
    } catch (RuntimeException e) {
      // The transition may have changed the checkpoint half-way: neither it nor the batch's earlier
      // changes to it can be written, and the stored one is read again next time.
      batch.drop(arn);
      forget(arn);
      throw e;
    }
    if (!result.changed()) {
      return;
    }
    Batch.Pending pending = batch.took(checkpoint, readVersion, message, started);
    pending.events.addAll(result.events());
    List<StepMessage> ownSteps = new ArrayList<>();
    for (Dispatch dispatch : result.dispatches()) {
      switch (dispatch) {
        case Dispatch.Publish publish when publish.message().executionArn().equals(arn) ->
            ownSteps.add(publish.message());
        case Dispatch.Publish publish -> pending.toOthers.add(publish.message());
        case Dispatch.Timer timer -> pending.timers.add(timer);
        case Dispatch.Invoke invoke -> pending.invokes.add(invoke.request());
      }
    }
    // The execution's own next steps go ahead of what earlier transitions published, in the order
    // this one published them. A step for another execution (a child's end told to its parent)
    // waits for the commit, like an invocation, and then queues behind what arrived before it.
    for (int i = ownSteps.size() - 1; i >= 0; i--) {
      chained.addFirst(ownSteps.get(i));
    }
  }

  /** Commits the batch, then carries out what waited for the commit; returns what was written. */
  private List<Checkpoint> commit(Batch batch, boolean outlives) {
    if (batch.isEmpty()) {
      return List.of();
    }
    Set<CheckpointStore.Commit> refused = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      refused.addAll(store.commitAll(batch.commits()));
    } catch (RuntimeException e) {
      batch.pending().forEach(pending -> forget(pending.checkpoint.executionArn));
      if (!outlives) {
        throw e;
      }
      LOG.error("{} transitions dropped: the store failed", batch.transitions(), e);
      return List.of();
    }
    long committedAt = System.nanoTime();
    List<Checkpoint> written = new ArrayList<>();
    for (Batch.Pending pending : batch.pending()) {
      Checkpoint checkpoint = pending.checkpoint;
      if (refused.contains(pending.commit)) {
        forget(checkpoint.executionArn);
        LOG.debug("stale messages dropped execution={}", checkpoint.executionArn);
        continue;
      }
      written.add(checkpoint);
      transitions += pending.taken.size();
      if (kept != null && checkpoint.isRunning()) {
        kept.put(checkpoint.executionArn, checkpoint);
      } else {
        forget(checkpoint.executionArn);
      }
      for (Dispatch.Timer timer : pending.timers) {
        nextDue = Math.min(nextDue, timer.dueMillis());
      }
      for (Batch.Taken taken : pending.taken) {
        listener.committed(taken.message(), committedAt - taken.startedNanos());
      }
      logMilestone(checkpoint, pending);
      if (!checkpoint.isRunning()) {
        endListeners.forEach(listener -> listener.accept(checkpoint));
      }
      ready.addAll(pending.toOthers);
      pending.invokes.forEach(this::invoke);
    }
    return written;
  }

  private void forget(String executionArn) {
    if (kept != null) {
      kept.remove(executionArn);
    }
  }

  private static void logMilestone(Checkpoint checkpoint, Batch.Pending pending) {
    if (LOG.isDebugEnabled()) {
      for (Batch.Taken taken : pending.taken) {
        LOG.debug(
            "transition execution={} flow={} step={} version={}",
            checkpoint.executionArn,
            taken.message().flowId(),
            taken.message().step().getClass().getSimpleName(),
            checkpoint.version);
      }
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
