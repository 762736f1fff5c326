package dev.mercury.local.cli;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.engine.Worker;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mercury worker}: one of many processes that take transitions, with checkpoints in
 * Elasticsearch and steps over NATS JetStream. Start as many as the load needs; stop or kill any of
 * them at any time. Task states are answered by functions served over NATS request-reply.
 */
@Command(
    name = "worker",
    description = "Takes transitions from NATS JetStream against checkpoints in Elasticsearch.",
    mixinStandardHelpOptions = true)
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Backends backends;

  @Override
  public Integer call() throws Exception {
    backends.checkAll();
    String natsUrl = backends.natsUrl();
    String elasticsearchUrl = backends.elasticsearchUrl();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    try (ElasticsearchCheckpointStore store = backends.openStore();
        JetStreamBus bus = backends.connectBus();
        Worker worker = backends.startWorker(store, bus)) {
      spec.commandLine()
          .getOut()
          .printf(
              "mercury worker: steps from %s, checkpoints in %s (pid %d)%n",
              natsUrl, elasticsearchUrl, ProcessHandle.current().pid());
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
