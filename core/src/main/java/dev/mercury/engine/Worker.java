package dev.mercury.engine;

import static dev.mercury.host.Pauses.jitter;
import static dev.mercury.host.Pauses.pause;

import dev.mercury.host.Stepper;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.StepBus;
import dev.mercury.port.StepBus.Delivery;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives executions as one of many processes: takes step messages from a shared {@link StepBus},
 * applies each as one transition against a shared {@link CheckpointStore}, and sends on what
 * follows. Any number of workers may run against the same store and bus; none holds state an
 * execution needs. The work of each message is a {@link Stepper}'s, which the serverless hosts use
 * too; the worker adds the consumers and loops around it.
 *
 * <p>Design note. A step is acknowledged only after its transition committed and the messages that
 * follow (next steps, invoke requests) are on the bus; timers are committed with the checkpoint. So
 * a worker killed at any point leaves either an unacknowledged step, which the bus delivers again,
 * or a committed transition whose step comes again and is found stale: the worker that sees a stale
 * redelivery sends the execution's pending work again (see {@link Projector}), which covers a crash
 * between commit and send. Timers are written before the commit, so one can fire before its commit
 * lands; its message is handed back to the bus until the checkpoint catches up. Two workers taking
 * steps of one execution at once meet at the conditional commit; the loser reads again and
 * re-applies, a few times, then leaves the message to the bus for later.
 *
 * <p>Steps are taken in batches (group commit): each delivery waits in a queue, and a batcher takes
 * all that wait, up to {@link Settings#stepBatch}, as one {@link Stepper#takeAll}: one read of the
 * checkpoints the store does not keep, one commit request for all the executions, one round of
 * publishes, then the acknowledgements. While one batch is at the store the next one gathers, so
 * the busier the worker, the fewer requests each transition costs. A step may also take along the
 * steps its transition published for its own execution ({@link Settings#chain}), so a run of Pass
 * or Choice states commits once instead of once a state. Three loops run beside the consumers:
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

  /**
   * How a worker paces itself.
   *
   * @param timerPoll how often the timer loop looks for due timers when none were due
   * @param timerBatch how many due timers it claims at once
   * @param sweepLease how long a checkpoint may stand still, with work pending, before the sweeper
   *     sends that work again
   * @param stepBatch how many step messages one batch takes at most
   * @param batchers how many batches may be in flight at once
   * @param chain how many transitions of its own execution a step may take along into its commit
   *     (see {@link Stepper#chaining}); zero sends every step through the bus
   */
  public record Settings(
      Duration timerPoll,
      int timerBatch,
      Duration sweepLease,
      int stepBatch,
      int batchers,
      int chain) {
    public static Settings defaults() {
      return new Settings(Duration.ofMillis(250), 256, Duration.ofMinutes(5), 64, 2, 32);
    }

    public Settings withSweepLease(Duration lease) {
      return new Settings(timerPoll, timerBatch, lease, stepBatch, batchers, chain);
    }

    public Settings withChain(int most) {
      return new Settings(timerPoll, timerBatch, sweepLease, stepBatch, batchers, most);
    }
  }

  /** Told of each committed transition, for metrics and benchmarks. */
  @FunctionalInterface
  public interface Listener {
    void committed(StepMessage message, long nanos);
  }

  private final StepBus bus;
  private final Clock clock;
  private final Settings settings;
  private final Stepper stepper;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<AutoCloseable> consumers = new ArrayList<>();
  private final List<Thread> loops = new ArrayList<>();
  private final List<Thread> batchers = new ArrayList<>();
  private final List<AutoCloseable> closeLast = new ArrayList<>();
  private final LinkedBlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();

  /** A step delivery waiting for a batch, and the handler that waits for its answer. */
  private record Waiting(Delivery<StepMessage> delivery, CompletableFuture<Void> answered) {}

  public Worker(
      CheckpointStore store, StepBus bus, Invoker invoker, Clock clock, Settings settings) {
    this.bus = bus;
    this.clock = clock;
    this.settings = settings;
    this.stepper =
        new Stepper(store, bus, invoker, clock, settings.timerBatch()).chaining(settings.chain());
  }

  public Worker listener(Listener newListener) {
    stepper.listener(newListener::committed);
    return this;
  }

  /** Closes {@code resource} when the worker stops, after its consumers: the invoker it calls. */
  public Worker closing(AutoCloseable resource) {
    closeLast.add(resource);
    return this;
  }

  /** Starts consuming steps and invoke requests and the timer and sweeper loops. */
  public Worker start() {
    if (!running.compareAndSet(false, true)) {
      return this;
    }
    for (int i = 0; i < settings.batchers(); i++) {
      batchers.add(Thread.ofPlatform().name("mercury-steps-" + i).daemon().start(this::batchLoop));
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
    return stepper.transitions();
  }

  /** Commits this worker lost to another writer and tried again. */
  public long conflicts() {
    return stepper.conflicts();
  }

  // ---- steps

  /**
   * Hands the delivery to the batchers and waits for its answer, so the bus hands out no more
   * messages at once than its concurrency allows.
   */
  private void onStep(Delivery<StepMessage> delivery) {
    Waiting step = new Waiting(delivery, new CompletableFuture<>());
    waiting.add(step);
    step.answered().join();
  }

  /**
   * Takes whatever steps are waiting, up to a batch, as one {@link Stepper#takeAll}: while one
   * batch is at the store, the next one gathers.
   */
  private void batchLoop() {
    List<Waiting> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(waiting.take());
        waiting.drainTo(batch, settings.stepBatch() - 1);
        takeBatch(batch);
        batch.clear();
      }
    } catch (InterruptedException stopping) {
      // close() stops the consumers first, so nothing waits here any more.
    }
  }

  private void takeBatch(List<Waiting> batch) {
    List<Stepper.Delivered> deliveries = new ArrayList<>(batch.size());
    for (Waiting step : batch) {
      deliveries.add(
          new Stepper.Delivered(step.delivery().message(), step.delivery().redelivered()));
    }
    try {
      List<Stepper.Taken> taken = stepper.takeAll(deliveries);
      for (int i = 0; i < batch.size(); i++) {
        answer(batch.get(i).delivery(), taken.get(i));
      }
    } catch (RuntimeException e) {
      LOG.warn("A batch of {} steps failed and will come again: {}", batch.size(), e.toString());
      for (Waiting step : batch) {
        step.delivery().retryLater(Duration.ofSeconds(1));
      }
    } finally {
      for (Waiting step : batch) {
        step.answered().complete(null);
      }
    }
  }

  private static void answer(Delivery<StepMessage> delivery, Stepper.Taken taken) {
    if (taken.failure() != null) {
      delivery.retryLater(Duration.ofSeconds(1));
      return;
    }
    switch (taken.outcome()) {
      case COMMITTED, STALE -> delivery.acknowledge();
      case CONTENDED -> delivery.retryLater(Duration.ofMillis(jitter(50, 500)));
      case EARLY -> delivery.retryLater(Duration.ofSeconds(1));
    }
  }

  // ---- invocations

  private void onInvoke(Delivery<InvokeRequest> delivery) {
    InvokeRequest request = delivery.message();
    try {
      stepper.call(request, delivery::stillWorking);
      delivery.acknowledge();
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not send the result of {}; the call will be made again: {}",
          request.stateName(),
          e.toString());
      delivery.retryLater(Duration.ofSeconds(1));
    }
  }

  // ---- timers and the sweeper

  private void timerLoop() {
    long pause = settings.timerPoll().toMillis();
    while (running.get()) {
      try {
        int fired = stepper.fireDueTimers();
        pause = settings.timerPoll().toMillis();
        if (fired < settings.timerBatch()) {
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
    return stepper.sweep(cutoff);
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
    for (Thread batcher : batchers) {
      batcher.interrupt();
    }
    for (AutoCloseable resource : closeLast) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
    LOG.info("Worker stopped after {} transitions", transitions());
  }
}
