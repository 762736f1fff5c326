package dev.mercury.host;

import static dev.mercury.host.Pauses.jitter;
import static dev.mercury.host.Pauses.pause;

import dev.mercury.engine.Projector;
import dev.mercury.language.error.ErrorName;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.CheckpointStore.Commit;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.StepBus;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private volatile int chainLimit;

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

  /**
   * Lets one message's transition take up to {@code most} more transitions of the same execution,
   * the steps it published for itself, into the same commit instead of sending them through the
   * bus. Zero, the default, takes exactly one transition per message.
   */
  public Stepper chaining(int most) {
    this.chainLimit = most;
    return this;
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
    Taken taken = takeAll(List.of(new Delivered(message, redelivered))).get(0);
    if (taken.failure() != null) {
      throw taken.failure();
    }
    return taken.outcome();
  }

  /** A step message as the bus handed it over: {@code redelivered} if it did so before. */
  public record Delivered(StepMessage message, boolean redelivered) {}

  /**
   * What became of one message of {@link #takeAll}: an outcome, or the failure of its execution's
   * transition, after which the message should come again later.
   */
  public record Taken(Outcome outcome, RuntimeException failure) {}

  /**
   * Takes the transitions of several messages together and answers for each, in order: one read of
   * all their checkpoints, one commit of all their executions, each under its own version check,
   * then one send of what follows. Messages of the same execution apply in the order given. An
   * execution whose commit is refused is read again and re-applied, a few times, without holding
   * back the others. Failing to read, commit or send is thrown: none of the messages is done then.
   */
  public List<Taken> takeAll(List<Delivered> deliveries) {
    long started = System.nanoTime();
    Taken[] taken = new Taken[deliveries.size()];
    Map<String, List<Integer>> byExecution = new LinkedHashMap<>();
    for (int i = 0; i < deliveries.size(); i++) {
      byExecution
          .computeIfAbsent(deliveries.get(i).message().executionArn(), arn -> new ArrayList<>())
          .add(i);
    }
    Set<String> todo = new LinkedHashSet<>(byExecution.keySet());
    Set<String> mustRead = new HashSet<>();
    int refusedBefore = 0;
    for (int attempt = 0; attempt < CONFLICT_RETRIES && !todo.isEmpty(); attempt++) {
      if (refusedBefore > 0) {
        conflicts.add(refusedBefore);
        pause(jitter(1, 5 << Math.min(attempt - 1, 4)));
      }
      Set<String> recalled = new HashSet<>();
      Map<String, Checkpoint> read = checkpoints(todo, mustRead, recalled);
      List<Share> shares = new ArrayList<>();
      List<Dispatch> toSend = new ArrayList<>();
      Set<String> again = new LinkedHashSet<>();
      for (String arn : todo) {
        Share share = new Share(read.get(arn), byExecution.get(arn));
        share.apply(deliveries, taken);
        if (recalled.contains(arn) && share.doubtful(taken)) {
          // The copy this process kept may be behind: only the stored checkpoint can say a message
          // is stale or early.
          again.add(arn);
          mustRead.add(arn);
        } else if (share.changed()) {
          shares.add(share);
        } else if (share.resend) {
          toSend.addAll(Projector.pendingWork(share.checkpoint));
        }
      }
      Set<Commit> refused = Collections.newSetFromMap(new IdentityHashMap<>());
      refused.addAll(store.commitAll(shares.stream().map(Share::commit).toList()));
      refusedBefore = refused.size();
      List<Share> committed = new ArrayList<>();
      for (Share share : shares) {
        if (refused.contains(share.commit)) {
          again.add(share.checkpoint.executionArn);
          mustRead.add(share.checkpoint.executionArn);
        } else {
          committed.add(share);
          toSend.addAll(share.dispatches);
          if (share.resend) {
            toSend.addAll(Projector.pendingWork(share.checkpoint));
          }
        }
      }
      todo = again;
      send(toSend);
      for (Share share : committed) {
        transitions.add(share.transitions);
        for (int index : share.indices) {
          if (taken[index].outcome() == Outcome.COMMITTED) {
            listener.committed(deliveries.get(index).message(), System.nanoTime() - started);
          }
        }
        if (!share.checkpoint.isRunning()) {
          LOG.info(
              "execution ended execution={} status={}",
              share.checkpoint.executionArn,
              share.checkpoint.status);
        }
      }
    }
    for (String arn : todo) {
      for (int index : byExecution.get(arn)) {
        taken[index] = new Taken(Outcome.CONTENDED, null);
      }
    }
    return List.of(taken);
  }

  /**
   * The checkpoints of {@code arns}: the store's kept copies where it has them and the execution is
   * not in {@code mustRead}, noted in {@code recalled}, the rest read from the store.
   */
  private Map<String, Checkpoint> checkpoints(
      Set<String> arns, Set<String> mustRead, Set<String> recalled) {
    Map<String, Checkpoint> found = new HashMap<>();
    List<String> toRead = new ArrayList<>();
    for (String arn : arns) {
      Checkpoint kept = mustRead.contains(arn) ? null : store.lastSeen(arn);
      if (kept != null) {
        found.put(arn, kept);
        recalled.add(arn);
      } else {
        toRead.add(arn);
      }
    }
    found.putAll(store.readAll(toRead));
    return found;
  }

  /**
   * One execution's part of a {@link #takeAll}: its checkpoint as read, the messages applied to it
   * in turn, and the events, timers and dispatches they produced for one commit.
   */
  private final class Share {
    final Checkpoint checkpoint;
    final List<Integer> indices;
    final long readVersion;
    final List<HistoryEvent> events = new ArrayList<>();
    final List<Dispatch.Timer> timers = new ArrayList<>();
    final List<Dispatch> dispatches = new ArrayList<>();
    int transitions;
    int chained;
    boolean resend;
    Commit commit;

    Share(Checkpoint checkpoint, List<Integer> indices) {
      this.checkpoint = checkpoint;
      this.indices = indices;
      this.readVersion = checkpoint == null ? -1 : checkpoint.version;
    }

    void apply(List<Delivered> deliveries, Taken[] taken) {
      for (int index : indices) {
        Delivered delivered = deliveries.get(index);
        taken[index] = applyOne(delivered);
        if (taken[index].failure() != null) {
          // The checkpoint may have changed half-way: nothing of this execution can be written.
          for (int other : indices) {
            taken[other] = taken[index];
          }
          transitions = 0;
          resend = false;
          return;
        }
      }
    }

    private Taken applyOne(Delivered delivered) {
      StepMessage message = delivered.message();
      if (checkpoint == null) {
        LOG.warn("Dropping a step for an execution that does not exist: {}", message);
        return new Taken(Outcome.STALE, null);
      }
      if (Transition.isAhead(checkpoint, message)) {
        return new Taken(Outcome.EARLY, null);
      }
      try {
        Transition.Result result = transition.apply(checkpoint, message);
        if (!result.changed()) {
          resend |= delivered.redelivered();
          return new Taken(Outcome.STALE, null);
        }
        follow(result);
      } catch (RuntimeException e) {
        LOG.warn("Step {} of {} failed: {}", message.step(), message.executionArn(), e.toString());
        return new Taken(null, e);
      }
      return new Taken(Outcome.COMMITTED, null);
    }

    /**
     * Keeps what a transition produced and, up to the chain limit, takes the steps it published for
     * this same execution at once instead of sending them: they change nothing outside the
     * execution until the commit, which writes them all together. A step that changes nothing here
     * is sent as it would have been.
     */
    private void follow(Transition.Result first) {
      ArrayDeque<StepMessage> ownSteps = new ArrayDeque<>();
      keep(first, ownSteps);
      while (!ownSteps.isEmpty()) {
        StepMessage next = ownSteps.pollFirst();
        Transition.Result result =
            chained < chainLimit ? transition.apply(checkpoint, next) : Transition.Result.NONE;
        if (result.changed()) {
          chained++;
          keep(result, ownSteps);
        } else {
          dispatches.add(new Dispatch.Publish(next));
        }
      }
    }

    private void keep(Transition.Result result, ArrayDeque<StepMessage> ownSteps) {
      transitions++;
      events.addAll(result.events());
      for (Dispatch dispatch : result.dispatches()) {
        switch (dispatch) {
          case Dispatch.Timer timer -> timers.add(timer);
          case Dispatch.Publish publish
              when chainLimit > 0 && publish.message().executionArn().equals(arn()) ->
              ownSteps.addLast(publish.message());
          default -> dispatches.add(dispatch);
        }
      }
    }

    private String arn() {
      return checkpoint.executionArn;
    }

    boolean changed() {
      return transitions > 0;
    }

    /** Whether a message was found stale or early, which a kept copy cannot be trusted to say. */
    boolean doubtful(Taken[] taken) {
      for (int index : indices) {
        Outcome outcome = taken[index].outcome();
        if (outcome == Outcome.STALE || outcome == Outcome.EARLY) {
          return true;
        }
      }
      return false;
    }

    Commit commit() {
      commit = new Commit(checkpoint, readVersion, events, timers);
      return commit;
    }
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

  private void send(List<Dispatch> dispatches) {
    List<StepMessage> steps = new ArrayList<>();
    List<InvokeRequest> invokes = new ArrayList<>();
    for (Dispatch dispatch : dispatches) {
      switch (dispatch) {
        case Dispatch.Publish publish -> steps.add(publish.message());
        case Dispatch.Invoke invoke -> invokes.add(invoke.request());
        case Dispatch.Timer timer -> {}
      }
    }
    if (!steps.isEmpty() || !invokes.isEmpty()) {
      bus.sendAll(steps, invokes);
    }
  }
}
