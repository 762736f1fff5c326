package dev.mercury.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.NatsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mercury worker} processes on one real NATS server and a real Elasticsearch node, killed
 * with SIGKILL, or cut off from NATS or Elasticsearch killed and restarted, while executions with
 * Task, Wait, Map and Parallel states run across them: every execution must end once, with the
 * right output; see {@link FaultRun}.
 */
@ExtendWith(ElasticsearchNode.class)
class WorkerFaultsIT {
  @TempDir Path logs;
  private NatsServer nats;
  private FaultRun run;
  private final Random random = new Random(7);

  @BeforeEach
  void start() {
    nats = NatsServer.start();
    run = new FaultRun(logs, nats.url(), 1);
  }

  @AfterEach
  void stop() throws Exception {
    run.close();
    nats.close();
  }

  @Test
  void workersKilledWithSigkill_everyExecutionEndsRightOnce() throws Exception {
    run.addWorkers(3);
    // The killer starts with the executions: batched workers may finish a short run before the
    // last one is even started.
    List<Long> killedAt = new CopyOnWriteArrayList<>();
    AtomicBoolean ended = new AtomicBoolean();
    Thread killer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (!ended.get() && killedAt.size() < 4 + FaultRun.EXECUTIONS / 100) {
                      // At random moments, so that some kills land between a commit and what
                      // follows it.
                      Thread.sleep(300 + random.nextInt(1_200));
                      MercuryProcess victim =
                          run.workers.remove(random.nextInt(run.workers.size()));
                      victim.kill();
                      killedAt.add(System.currentTimeMillis());
                      run.addWorkers(1);
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    List<String> arns = run.startExecutions();
    run.awaitEnded(arns, () -> Thread.sleep(500));
    ended.set(true);
    killer.join();

    run.assertAllCompleted(arns);
    assertThat(killedAt).as("workers killed").isNotEmpty();
    assertThat(killedAt.get(0))
        .as("the first kill, before the last execution ended")
        .isLessThan(run.lastStop(arns));
  }

  @Test
  void natsServerKilledAndRestarted_everyExecutionEndsRightOnce() throws Exception {
    whileRunning(
        () -> {
          nats.kill();
          Thread.sleep(2_000);
          nats.restart();
        });
  }

  @Test
  void elasticsearchKilledAndRestarted_executionsPauseAndEndRightOnce() throws Exception {
    whileRunning(
        () -> {
          ElasticsearchNode.kill();
          Thread.sleep(5_000);
          ElasticsearchNode.restart();
        });
  }

  /** Two workers, the executions, then {@code fault} while they run; none lost, no worker dead. */
  private void whileRunning(FaultRun.Round fault) throws Exception {
    List<String> arns = run.startExecutions();
    run.addWorkers(2);

    run.awaitUnderWay(arns);
    assertThat(run.running(arns)).as("executions running when the fault strikes").isPositive();
    fault.run();
    run.awaitEnded(arns, () -> Thread.sleep(500));

    run.assertAllCompleted(arns);
    assertThat(run.workers).allMatch(MercuryProcess::isAlive);
  }
}
