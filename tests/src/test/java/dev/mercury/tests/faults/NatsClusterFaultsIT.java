package dev.mercury.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.MercuryProcess;
import dev.mercury.tests.support.NatsCluster;
import io.nats.client.api.StreamInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers on a three-node JetStream cluster whose streams keep three replicas: the server leading
 * the step stream is killed mid-run, the other two elect a new leader, and every execution must
 * still end once, with the right output; see {@link FaultRun}.
 */
@ExtendWith(ElasticsearchNode.class)
class NatsClusterFaultsIT {
  @TempDir Path logs;
  private NatsCluster cluster;
  private FaultRun run;

  @BeforeEach
  void start() {
    cluster = NatsCluster.start();
    run = new FaultRun(logs, cluster.urls(), 3);
  }

  @AfterEach
  void stop() throws Exception {
    run.close();
    cluster.close();
  }

  @Test
  void streamLeaderKilled_everyExecutionEndsRightOnce() throws Exception {
    List<String> arns = run.startExecutions();
    run.addWorkers(3);

    run.awaitUnderWay(arns);
    assertThat(run.running(arns)).as("executions running when a server goes down").isPositive();
    StreamInfo steps = stepStream();
    assertThat(steps.getConfiguration().getReplicas()).isEqualTo(3);
    cluster.server(steps.getClusterInfo().getLeader()).kill();
    run.awaitEnded(arns, () -> Thread.sleep(500));

    run.assertAllCompleted(arns);
    assertThat(run.workers).allMatch(MercuryProcess::isAlive);
  }

  private StreamInfo stepStream() throws Exception {
    var management = run.bus().connection().jetStreamManagement();
    for (StreamInfo stream : management.getStreams()) {
      if (stream.getConfiguration().getName().endsWith("_STEPS")) {
        return stream;
      }
    }
    throw new AssertionError("no step stream among " + management.getStreamNames());
  }
}
