package dev.mercury.engine;

import dev.mercury.language.error.ErrorName;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.CheckpointStore.ConflictException;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.StepBus;
import dev.mercury.port.StepBus.Delivery;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives executions as one of many processes: takes step messages from a shared {@link StepBus},
 * applies each as one transition against a shared {@link CheckpointStore}, and sends on what
 * follows. Any number of workers may run against the same store and bus; none holds state an
 * execution needs.
 *
 * <p>Design note. A step is acknowledged only after its transition committed and the messages that
 * follow (next steps, invoke requests) are on the bus; timers are committed with the checkpoint. So
 * a worker killed at any point leaves either an unacknowledged step, which the bus delivers again,
 * or a committed transition whose step comes again and is found stale: the worker that sees a stale
 * redelivery sends the execution's pending work again (see {@link Projector}), which covers a crash
 * between commit and send. Timers are written before the commit, so one can fire before its commit
 * lands; its message is handed back to the bus until the checkpoint catches up. Two workers taking
 * steps of one execution at once meet at the conditional commit; the loser reads again and
 * re-applies, a few times, then leaves the message to the bus for later. Three loops run beside the
 * consumers:
 *
 * <ul>
 *   <li>the invoker loop takes invoke requests, calls the {@link Invoker} and publishes the task
 *       result as a step, telling the bus it is still working while the call runs;
 *   <li>the timer loop claims due timers from the store, publishes their messages and confirms
 *       them;
 *   <li>the sweeper asks the store for running executions whose checkpoint has not moved within the
 *       lease and that wait for a step or a task, and sends their pending work again: the safety
 *       net for a message the bus lost. A task whose call outlives the lease may be invoked again,
 *       with the same idempotency key (at least once, as AWS documents).
 * </ul>
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final int CONFLICT_RETRIES = 8;

  /**
   * How a worker paces itself.
   *
   * @param timerPoll how often the timer loop looks for due timers when none were due
   * @param timerBatch how many due timers it claims at once
   * @param sweepLease how long a checkpoint may stand still, with work pending, before the sweeper
   *     sends that work again
   */
  public record Settings(Duration timerPoll, int timerBatch, Duration sweepLease) {
    public static Settings defaults() {
      return new Settings(Duration.ofMillis(250), 256, Duration.ofMinutes(5));
    }

    public Settings withSweepLease(Duration lease) {
      return new Settings(timerPoll, timerBatch, lease);
    }
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
  private final Settings settings;
  private final Transition transition;
  private final AtomicBoolean running = new AtomicBoolean();
  private final LongAdder transitions = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private final List<AutoCloseable> consumers = new ArrayList<>();
  private final List<Thread> loops = new ArrayList<>();
  private volatile Listener listener = (message, nanos) -> {};

  public Worker(
      CheckpointStore store, StepBus bus, Invoker invoker, Clock clock, Settings settings) {
    this.store = store;
    this.bus = bus;
    this.invoker = invoker;
    this.clock = clock;
    this.settings = settings;
    this.transition = new Transition(clock::millis);
  }

  public Worker listener(Listener newListener) {
    this.listener = newListener;
    return this;
  }

  /** Starts consuming steps and invoke requests and the timer and sweeper loops. */
  public Worker start() {
    if (!running.compareAndSet(false, true)) {
      return this;
    }
    consumers.add(bus.takeSteps(this::onStep));
    consumers.add(bus.takeInvokes(this::onInvoke));
    loops.add(Thread.ofPlatform().name("mercury-timers").daemon().start(this::timerLoop));
    loops.add(Thread.ofPlatform().name("mercury-sweeper").daemon().start(this::sweepLoop));
    LOG.info("Worker started");
    return this;
  }

  /** Transitions this worker committed. */
  public long transitions() {
    return transitions.sum();
  }

  /** Commits this worker lost to another writer and tried again. */
  public long conflicts() {
    return conflicts.sum();
  }

  // ---- steps

  private void onStep(Delivery<StepMessage> delivery) {
    StepMessage message = delivery.message();
    try {
      switch (take(message, delivery.redelivered())) {
        case COMMITTED, STALE -> delivery.acknowledge();
        case CONTENDED -> delivery.retryLater(Duration.ofMillis(jitter(50, 500)));
        case EARLY -> delivery.retryLater(Duration.ofSeconds(1));
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Step {} of {} failed and will come again: {}",
          message.step().getClass().getSimpleName(),
          message.executionArn(),
          e.toString());
      delivery.retryLater(Duration.ofSeconds(1));
    }
  }

  private enum Outcome {
    COMMITTED,
    STALE,
    CONTENDED,
    /** A timer that fell due before the commit that set it landed; see Transition.isAhead. */
    EARLY
  }

  /** One transition, read again and re-applied when another worker committed first. */
  private Outcome take(StepMessage message, boolean redelivered) {
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
          // Perhaps this worker's predecessor committed and died before sending what follows.
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
      return Outcome.COMMITTED;
    }
    return Outcome.CONTENDED;
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

  // ---- invocations

  private void onInvoke(Delivery<InvokeRequest> delivery) {
    InvokeRequest request = delivery.message();
    CompletableFuture<StepMessage.TaskResult> call;
    try {
      call = invoker.invoke(request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    StepMessage.TaskResult result = awaitWhileTellingTheBus(call, delivery);
    try {
      bus.publish(new StepMessage(request.executionArn(), request.flowId(), request.seq(), result));
      delivery.acknowledge();
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not send the result of {}; the call will be made again: {}",
          request.stateName(),
          e.toString());
      delivery.retryLater(Duration.ofSeconds(1));
    }
  }

  private static StepMessage.TaskResult awaitWhileTellingTheBus(
      CompletableFuture<StepMessage.TaskResult> call, Delivery<InvokeRequest> delivery) {
    while (true) {
      try {
        return call.get(1, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        delivery.stillWorking();
      } catch (java.util.concurrent.ExecutionException e) {
        return StepMessage.TaskResult.failure(
            ErrorName.TASK_FAILED, String.valueOf(e.getCause().getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return StepMessage.TaskResult.failure(ErrorName.TASK_FAILED, "the worker stopped");
      }
    }
  }

  // ---- timers and the sweeper

  private void timerLoop() {
    long pause = settings.timerPoll().toMillis();
    while (running.get()) {
      try {
        List<Dispatch.Timer> due = store.claimDueTimers(clock.millis(), settings.timerBatch());
        for (Dispatch.Timer timer : due) {
          bus.publish(timer.message());
        }
        store.timersFired(due);
        pause = settings.timerPoll().toMillis();
        if (due.size() < settings.timerBatch()) {
          pause(pause);
        }
      } catch (RuntimeException e) {
        LOG.warn("Firing timers failed; trying again in {} ms: {}", pause, e.toString());
        pause(pause);
        pause = Math.min(pause * 2, 15_000);
      }
    }
  }

  private void sweepLoop() {
    long lease = settings.sweepLease().toMillis();
    while (running.get()) {
      pause(lease / 2 + jitter(0, Math.max(1, lease / 4)));
      if (!running.get()) {
        return;
      }
      try {
        sweep(clock.millis() - lease);
      } catch (RuntimeException e) {
        LOG.warn("The sweep failed; the next one will try again: {}", e.toString());
      }
    }
  }

  /**
   * Sends again the pending work of executions whose checkpoint stood still since {@code cutoff}.
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

  private static long jitter(long from, long to) {
    return ThreadLocalRandom.current().nextLong(from, Math.max(from + 1, to));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    for (AutoCloseable consumer : consumers) {
      try {
        consumer.close();
      } catch (Exception e) {
        LOG.warn("Stopping a consumer failed: {}", e.toString());
      }
    }
    for (Thread loop : loops) {
      loop.interrupt();
    }
    LOG.info("Worker stopped after {} transitions", transitions());
  }
}
