package dev.mercury.tests.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.tests.support.NatsServer;
import dev.mercury.transition.StepMessage;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JetStream bus on a real NATS server of the test's own. */
class JetStreamBusIT {
  @Test
  void oneMessageAtATime_aChainOfStepsKeepsMoving() throws Exception {
    try (NatsServer nats = NatsServer.start();
        JetStreamBus bus =
            JetStreamBus.connect(
                NatsOptions.defaults(nats.url()).withAckWait(Duration.ofSeconds(30)), 1)) {
      int steps = 20;
      CountDownLatch handled = new CountDownLatch(steps);
      // Each step sends the next only once it is acknowledged, as a transition does; a consumer
      // that fetched one message per pull waited out the pull's expiry (30 s) between two steps.
      try (AutoCloseable consumer =
          bus.takeSteps(
              delivery -> {
                delivery.acknowledge();
                long seq = delivery.message().seq();
                handled.countDown();
                if (seq + 1 < steps) {
                  bus.publish(new StepMessage("arn", 0, seq + 1, new StepMessage.Advance()));
                }
              })) {
        bus.publish(new StepMessage("arn", 0, 0, new StepMessage.Advance()));

        assertThat(handled.await(25, TimeUnit.SECONDS))
            .as("steps still waiting: %d", handled.getCount())
            .isTrue();
      }
    }
  }
}
