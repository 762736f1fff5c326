package dev.mercury.tests.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.bus.nats.NatsFunctions;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.bus.nats.NatsRequestInvoker;
import dev.mercury.engine.Engine;
import dev.mercury.engine.Worker;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.tests.support.NatsServer;
import dev.mercury.tests.support.Workflows;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workers in this JVM on a real NATS server and a real Elasticsearch node. */
@ExtendWith(ElasticsearchNode.class)
class WorkerIT {
  private NatsServer nats;
  private NatsOptions natsOptions;
  private ElasticsearchOptions esOptions;
  private final List<AutoCloseable> open = new ArrayList<>();
  private ElasticsearchCheckpointStore store;
  private JetStreamBus clientBus;

  @BeforeEach
  void start() {
    nats = NatsServer.start();
    natsOptions = NatsOptions.defaults(nats.url()).withAckWait(Duration.ofSeconds(5));
    esOptions =
        ElasticsearchOptions.defaults()
            .withPrefix("it-worker-" + UUID.randomUUID().toString().substring(0, 8) + "-")
            .withReplicas(0)
            .withTimerLeaseMillis(5_000);
    store = keep(ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), esOptions));
    clientBus = keep(JetStreamBus.connect(natsOptions, 16));
    open.addAll(Workflows.serveFunctions(clientBus.connection(), natsOptions));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    nats.close();
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private Worker worker() {
    ElasticsearchCheckpointStore own =
        keep(ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), esOptions));
    JetStreamBus bus = keep(JetStreamBus.connect(natsOptions, 32));
    NatsRequestInvoker invoker =
        new NatsRequestInvoker(bus.connection(), natsOptions, Duration.ofSeconds(10));
    return keep(new Worker(own, bus, invoker, Clock.SYSTEM, Worker.Settings.defaults()).start());
  }

  @Test
  void twoWorkers_runTaskWaitMapAndParallel_everyExecutionEndsRight() throws Exception {
    Worker first = worker();
    Worker second = worker();
    Engine frontDoor = Engine.frontDoor(store, clientBus, Clock.SYSTEM);
    String machine = Arns.stateMachine("everything");
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      arns.add(
          frontDoor.start(
                  DefinitionParser.parse(Workflows.EVERYTHING),
                  machine,
                  "e" + i,
                  Workflows.input(i))
              .executionArn);
    }

    awaitEnded(arns, Duration.ofSeconds(90));

    for (int i = 0; i < arns.size(); i++) {
      Workflows.assertCompleted(store, arns.get(i), i);
    }
    assertThat(first.transitions()).isPositive();
    assertThat(second.transitions()).isPositive();
  }

  @Test
  void repeatedMessages_changeNothing() throws Exception {
    worker();
    Engine frontDoor = Engine.frontDoor(store, clientBus, Clock.SYSTEM);
    String arn =
        frontDoor.start(
                DefinitionParser.parse(Workflows.EVERYTHING),
                Arns.stateMachine("repeat"),
                "once",
                Workflows.input(3))
            .executionArn;
    awaitEnded(List.of(arn), Duration.ofSeconds(60));
    List<HistoryEvent> before = store.history(arn);

    // The start again, and every step the execution ever took, as a broken sender would resend
    // them.
    clientBus.publish(new StepMessage(arn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
    for (long seq = 0; seq < 8; seq++) {
      clientBus.publish(new StepMessage(arn, 0, seq, new StepMessage.Advance()));
    }
    Thread.sleep(2_000);

    assertThat(store.history(arn)).isEqualTo(before);
    Workflows.assertCompleted(store, arn, 3);
  }

  @Test
  void sweeper_executionWhoseStepWasLost_carriesOn() throws Exception {
    Worker worker = worker();
    Engine frontDoor = Engine.frontDoor(store, clientBus, Clock.SYSTEM);
    // Created without its start message, as if the message had been lost.
    Checkpoint lost =
        dev.mercury.transition.Transition.newExecution(
            DefinitionParser.parse(Workflows.EVERYTHING),
            Arns.stateMachine("lost"),
            "lost",
            Workflows.input(5),
            System.currentTimeMillis());
    store.create(lost);
    store.refresh();

    assertThat(worker.sweep(System.currentTimeMillis() + 1)).isEqualTo(1);
    awaitEnded(List.of(lost.executionArn), Duration.ofSeconds(60));

    Workflows.assertCompleted(store, lost.executionArn, 5);
    assertThat(frontDoor).isNotNull();
  }

  /**
   * A transition writes its timers before its commit, so a Wait's timer can fall due and be fired
   * while that commit is slow or its worker died. The early copy must wait for the commit: once it
   * was dropped as stale, the timer's second firing carries the same message id and JetStream drops
   * it as a repeat, and the Wait never ended.
   */
  @Test
  void timerFiredBeforeTheCommitThatSetIt_stillEndsTheWait() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    String hold = "arn:aws:lambda:us-east-1:123456789012:function:hold";
    open.add(
        NatsFunctions.serve(
            clientBus.connection(),
            natsOptions,
            hold,
            request -> {
              called.countDown();
              awaitQuietly(release);
              return StepMessage.TaskResult.success(Json.parseTrusted("1"));
            }));
    worker();
    String definition =
        """
        {"StartAt": "Hold", "States": {
          "Hold": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 60, "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 1, "End": true}}}"""
            .formatted(hold);
    String arn =
        Engine.frontDoor(store, clientBus, Clock.SYSTEM)
            .start(DefinitionParser.parse(definition), Arns.stateMachine("early"), "early", "{}")
            .executionArn;
    assertThat(called.await(30, TimeUnit.SECONDS)).as("the task was called").isTrue();

    // The Wait's timer will carry the seq two steps on: the task's result, then the Advance into
    // Pause. It fires now, as if the commit that set it were still on its way.
    long waitSeq = store.read(arn).flows.get(0).seq + 2;
    clientBus.publish(
        new StepMessage(arn, 0, waitSeq, new StepMessage.TimerDue(StepMessage.TimerPurpose.WAIT)));
    awaitHandledOnce();
    release.countDown();

    awaitEnded(List.of(arn), Duration.ofSeconds(30));
    assertThat(store.read(arn).status).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  /**
   * Until the steps consumer handed out everything and the last message was acked or sent again.
   */
  private void awaitHandledOnce() throws Exception {
    JetStreamManagement management = clientBus.connection().jetStreamManagement();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      ConsumerInfo steps = management.getConsumerInfo("MERCURY_STEPS", "workers");
      if (steps.getNumPending() == 0
          && (steps.getNumAckPending() == 0 || steps.getRedelivered() > 0)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the early timer message was not handled");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void requestReplyInvoker_noServerForTheResource_failsTheTask() throws Exception {
    NatsRequestInvoker invoker =
        new NatsRequestInvoker(clientBus.connection(), natsOptions, Duration.ofSeconds(2));
    var request =
        new dev.mercury.transition.InvokeRequest(
            "arn",
            0,
            1,
            "T",
            "arn:aws:lambda:us-east-1:1:function:nobody",
            dev.mercury.language.json.Json.parseTrusted("{}"),
            0,
            0,
            null,
            "k");

    StepMessage.TaskResult result = invoker.invoke(request).get();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.error()).isEqualTo("States.TaskFailed");
    var served =
        new dev.mercury.transition.InvokeRequest(
            "arn",
            0,
            1,
            "T",
            Workflows.DOUBLE,
            dev.mercury.language.json.Json.parseTrusted("{\"n\": 21}"),
            0,
            0,
            null,
            "k");
    assertThat(invoker.invoke(served).get().output().asInt()).isEqualTo(42);
  }

  private void awaitEnded(List<String> arns, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<String> running = new ArrayList<>(arns);
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      running.removeIf(arn -> !store.read(arn).isRunning());
      Thread.sleep(200);
    }
    assertThat(running).as("executions still running after %s", limit).isEmpty();
  }
}
