package dev.mercury.engine;

import dev.mercury.language.model.StateMachine;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives executions in one thread: the in-process bus and timer queue around the stateless {@link
 * Transition}. Each message is one transition: read the checkpoint, apply, commit, then carry out
 * the dispatches. Task results from invokers arrive on other threads and join the queue; waits and
 * retry delays sit in the timer queue as data, never as sleeping threads.
 */
public final class Engine {
  private final CheckpointStore store;
  private final Invoker invoker;
  private final Clock clock;
  private final Transition transition;
  private final ArrayDeque<StepMessage> ready = new ArrayDeque<>();
  private final LinkedBlockingQueue<StepMessage> arrived = new LinkedBlockingQueue<>();
  private final PriorityQueue<Dispatch.Timer> timers =
      new PriorityQueue<>((a, b) -> Long.compare(a.dueMillis(), b.dueMillis()));
  private final AtomicLong inFlight = new AtomicLong();
  private long transitions;

  public Engine(CheckpointStore store, Invoker invoker, Clock clock) {
    this.store = store;
    this.invoker = invoker;
    this.clock = clock;
    this.transition = new Transition(clock::millis);
  }

  /** Creates an execution and queues its start. */
  public Checkpoint start(StateMachine machine, String stateMachineArn, String name, String input) {
    Checkpoint checkpoint =
        Transition.newExecution(machine, stateMachineArn, name, input, clock.millis());
    store.create(checkpoint);
    ready.add(
        new StepMessage(
            checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
    return checkpoint;
  }

  /** Takes transitions until the execution has ended. */
  public Checkpoint runToEnd(String executionArn) throws InterruptedException {
    Checkpoint current = store.read(executionArn);
    while (current.isRunning()) {
      StepMessage next = next();
      Checkpoint written = next == null ? null : apply(next);
      if (written != null && written.executionArn.equals(executionArn)) {
        current = written;
      }
    }
    return current;
  }

  /** How many transitions changed a checkpoint so far. */
  public long transitions() {
    return transitions;
  }

  private StepMessage next() throws InterruptedException {
    StepMessage message = arrived.poll();
    if (message != null) {
      return message;
    }
    Dispatch.Timer due = timers.peek();
    if (due != null && due.dueMillis() <= clock.millis()) {
      return timers.poll().message();
    }
    message = ready.poll();
    if (message != null) {
      return message;
    }
    if (due == null && inFlight.get() == 0) {
      throw new IllegalStateException("an execution is running but nothing is pending for it");
    }
    if (due != null && inFlight.get() == 0 && clock instanceof VirtualClock virtual) {
      virtual.advanceTo(due.dueMillis());
      return timers.poll().message();
    }
    long wait = due == null ? Long.MAX_VALUE : Math.max(1, due.dueMillis() - clock.millis());
    return arrived.poll(wait, TimeUnit.MILLISECONDS);
  }

  /** Takes one transition; returns the checkpoint it wrote, or null when nothing changed. */
  private Checkpoint apply(StepMessage message) {
    Checkpoint checkpoint = store.read(message.executionArn());
    long readVersion = checkpoint.version;
    Transition.Result result = transition.apply(checkpoint, message);
    if (!result.changed()) {
      return null;
    }
    store.commit(checkpoint, readVersion, result.events());
    transitions++;
    for (Dispatch dispatch : result.dispatches()) {
      carryOut(dispatch);
    }
    return checkpoint;
  }

  private void carryOut(Dispatch dispatch) {
    switch (dispatch) {
      case Dispatch.Publish publish -> ready.add(publish.message());
      case Dispatch.Timer timer -> timers.add(timer);
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
