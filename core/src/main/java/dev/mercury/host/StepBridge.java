package dev.mercury.host;

import dev.mercury.port.StepBus;
import dev.mercury.port.StepBus.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the bus to a serverless orchestrator: takes step messages and invoke requests from the
 * {@link StepBus} and hands each, as a {@link StepEnvelope}, to the orchestrator's step function,
 * one invocation per message; every tick it sends a {@code tick} so due timers fire and stalled
 * executions are swept. The bridge decides nothing about executions: a message is acknowledged only
 * when the function answered that it is finished with it ({@code committed}, {@code stale}, {@code
 * done}), and delivered again later on {@code contended} or any failure, so a bridge killed at any
 * point loses nothing. While a call runs the bus is told the message is still being worked on.
 */
public final class StepBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StepBridge.class);

  /** The orchestrator's step function, on whatever platform it runs. */
  @FunctionalInterface
  public interface StepFunction {
    /** Invokes the function with {@code envelope}; returns its reply, or throws why it failed. */
    StepEnvelope.Reply invoke(StepEnvelope envelope) throws Exception;
  }

  private final StepBus bus;
  private final StepFunction function;
  private final Duration tick;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<AutoCloseable> consumers = new ArrayList<>();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private Thread ticker;

  private StepBridge(StepBus bus, StepFunction function, Duration tick) {
    this.bus = bus;
    this.function = function;
    this.tick = tick;
  }

  /** Starts consuming steps and invoke requests, and ticking every {@code tick}. */
  public static StepBridge start(StepBus bus, StepFunction function, Duration tick) {
    StepBridge bridge = new StepBridge(bus, function, tick);
    bridge.consumers.add(
        bus.takeSteps(
            delivery ->
                bridge.deliver(
                    delivery, new StepEnvelope.Step(delivery.message(), delivery.redelivered()))));
    bridge.consumers.add(
        bus.takeInvokes(
            delivery -> bridge.deliver(delivery, new StepEnvelope.Invoke(delivery.message()))));
    bridge.ticker = Thread.ofPlatform().name("mercury-bridge-tick").daemon().start(bridge::tick);
    return bridge;
  }

  /** Messages the function finished with so far. */
  public long delivered() {
    return delivered.sum();
  }

  /** Messages left for the bus to deliver again. */
  public long retried() {
    return retried.sum();
  }

  private void deliver(Delivery<?> delivery, StepEnvelope envelope) {
    StepEnvelope.Reply reply;
    try {
      reply = invokeWhileTellingTheBus(envelope, delivery);
    } catch (Exception e) {
      LOG.warn("The step function failed; the message will come again: {}", e.toString());
      retried.increment();
      delivery.retryLater(Duration.ofSeconds(1));
      return;
    }
    if (reply != null && reply.finished()) {
      delivered.increment();
      delivery.acknowledge();
    } else {
      LOG.debug("The step function answered {}; the message will come again", reply);
      retried.increment();
      delivery.retryLater(Duration.ofMillis(Pauses.jitter(50, 500)));
    }
  }

  private StepEnvelope.Reply invokeWhileTellingTheBus(StepEnvelope envelope, Delivery<?> delivery)
      throws Exception {
    CompletableFuture<StepEnvelope.Reply> call = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                call.complete(function.invoke(envelope));
              } catch (Throwable e) {
                call.completeExceptionally(e);
              }
            });
    try {
      return Pauses.await(call, delivery::stillWorking);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private void tick() {
    while (running.get()) {
      try {
        StepEnvelope.Reply reply = function.invoke(new StepEnvelope.Tick());
        if (reply == null) {
          LOG.warn("The step function did not answer the tick with an outcome");
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.warn("A tick failed; the next one will try again: {}", e.toString());
      }
      try {
        Thread.sleep(tick.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    ticker.interrupt();
    for (AutoCloseable consumer : consumers) {
      try {
        consumer.close();
      } catch (Exception e) {
        LOG.warn("Stopping a consumer failed: {}", e.toString());
      }
    }
    LOG.info("Bridge stopped after {} messages", delivered());
  }
}
