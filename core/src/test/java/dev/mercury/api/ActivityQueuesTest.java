package dev.mercury.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ActivityQueuesTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:activity:a";
  private final ActivityQueues queues = new ActivityQueues();

  @Test
  void poll_taskQueuedFirst_answersAtOnce() {
    queues.offer(task("t1"));

    assertThat(queues.poll(ARN).join().token()).isEqualTo("t1");
  }

  @Test
  void offer_workerWaitingFirst_completesTheOldestWaitingPoll() {
    CompletableFuture<ActivityQueues.ActivityTask> first = queues.poll(ARN);
    CompletableFuture<ActivityQueues.ActivityTask> second = queues.poll(ARN);

    queues.offer(task("t1"));

    assertThat(first.join().token()).isEqualTo("t1");
    assertThat(second).isNotDone();
  }

  @Test
  void offer_sameTokenTwice_queuedOnce() {
    queues.offer(task("t1"));
    queues.offer(task("t1"));

    queues.poll(ARN).join();

    assertThat(queues.poll(ARN)).isNotDone();
  }

  @Test
  void offer_pollerGaveUp_taskWaitsForTheNextPoll() {
    CompletableFuture<ActivityQueues.ActivityTask> gaveUp = queues.poll(ARN);
    gaveUp.cancel(false);

    queues.offer(task("t1"));

    assertThat(queues.poll(ARN).join().token()).isEqualTo("t1");
  }

  private static ActivityQueues.ActivityTask task(String token) {
    return new ActivityQueues.ActivityTask(ARN, token, "{}");
  }
}
