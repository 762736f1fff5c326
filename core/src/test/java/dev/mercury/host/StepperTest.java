package dev.mercury.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.host.Stepper.Delivered;
import dev.mercury.host.Stepper.Outcome;
import dev.mercury.host.Stepper.Taken;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.StepBus;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.store.memory.EncodedCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StepperTest {
  private static final String CHAIN =
      """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "Next": "C"},
        "C": {"Type": "Pass", "End": true}}}""";

  private final EncodedCheckpointStore stored = new EncodedCheckpointStore();
  private final RecordingBus bus = new RecordingBus();

  @Test
  void takeAll_severalExecutions_commitsThemInOneStoreCallAndSendsWhatFollows() {
    KeepingStore store = new KeepingStore(stored);
    Stepper stepper = stepper(store);
    String first = create("first");
    String second = create("second");

    List<Taken> taken = stepper.takeAll(List.of(start(first), start(second)));

    assertThat(taken)
        .extracting(Taken::outcome)
        .containsExactly(Outcome.COMMITTED, Outcome.COMMITTED);
    assertThat(store.commitCalls).isEqualTo(1);
    assertThat(stored.read(first).version).isEqualTo(1);
    assertThat(stored.read(second).version).isEqualTo(1);
    assertThat(bus.published).extracting(StepMessage::executionArn).containsExactly(first, second);
  }

  @Test
  void takeAll_theSameMessageTwice_appliesItOnce() {
    Stepper stepper = stepper(new KeepingStore(stored));
    String arn = create("twice");

    List<Taken> taken = stepper.takeAll(List.of(start(arn), start(arn)));

    assertThat(taken).extracting(Taken::outcome).containsExactly(Outcome.COMMITTED, Outcome.STALE);
    assertThat(stored.read(arn).version).isEqualTo(1);
    assertThat(stored.history(arn))
        .extracting(HistoryEvent::type)
        .containsExactly("ExecutionStarted");
  }

  @Test
  void takeAll_keptCopyBehindTheStore_judgesTheMessageAgainstTheStoredCheckpoint() {
    KeepingStore mine = new KeepingStore(stored);
    KeepingStore theirs = new KeepingStore(stored);
    Stepper me = stepper(mine);
    Stepper other = stepper(theirs);
    String arn = create("shared");

    me.takeAll(List.of(start(arn)));
    StepMessage enterA = bus.take();
    other.takeAll(List.of(new Delivered(enterA, false)));
    StepMessage enterB = bus.take();
    // This process still keeps the checkpoint it wrote, two versions ago.
    assertThat(mine.lastSeen(arn).version).isEqualTo(1);

    List<Taken> taken = me.takeAll(List.of(new Delivered(enterB, false)));

    assertThat(taken).extracting(Taken::outcome).containsExactly(Outcome.COMMITTED);
    assertThat(stored.read(arn).version).isEqualTo(3);
  }

  @Test
  void takeAll_keptCopyBehindAndTheMessageApplies_isRefusedThenJudgedAgainstTheStoredCheckpoint() {
    KeepingStore mine = new KeepingStore(stored);
    KeepingStore theirs = new KeepingStore(stored);
    Stepper me = stepper(mine);
    String arn = create("raced");
    me.takeAll(List.of(start(arn)));
    StepMessage enterA = bus.take();
    // Another process stops the execution behind this one's back.
    stepper(theirs)
        .takeAll(
            List.of(
                new Delivered(
                    new StepMessage(
                        arn, StepMessage.EXECUTION, 0, new StepMessage.Stop("Halt", "by hand")),
                    false)));

    List<Taken> taken = me.takeAll(List.of(new Delivered(enterA, false)));

    assertThat(taken).extracting(Taken::outcome).containsExactly(Outcome.STALE);
    assertThat(stored.read(arn).isRunning()).isFalse();
    assertThat(me.conflicts()).isEqualTo(1);
  }

  @Test
  void take_staleRedelivery_sendsThePendingWorkAgain() {
    Stepper stepper = stepper(new KeepingStore(stored));
    String arn = create("resend");
    stepper.take(start(arn).message(), false);
    StepMessage enterA = bus.take();

    Outcome outcome = stepper.take(start(arn).message(), true);

    assertThat(outcome).isEqualTo(Outcome.STALE);
    assertThat(bus.published).containsExactly(enterA);
  }

  @Test
  void takeAll_aStepOfEachOfManyExecutions_runsThemAllToTheEnd() {
    KeepingStore store = new KeepingStore(stored);
    Stepper stepper = stepper(store);
    List<String> arns = new ArrayList<>();
    List<Delivered> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      arns.add(create("many" + i));
      batch.add(start(arns.get(i)));
    }
    int batches = 0;
    while (!batch.isEmpty()) {
      assertThat(stepper.takeAll(batch)).extracting(Taken::outcome).containsOnly(Outcome.COMMITTED);
      batches++;
      batch = new ArrayList<>();
      while (!bus.published.isEmpty()) {
        batch.add(new Delivered(bus.take(), false));
      }
    }

    assertThat(batches).isEqualTo(4);
    assertThat(store.commitCalls).isEqualTo(4);
    for (String arn : arns) {
      assertThat(stored.read(arn).isRunning()).isFalse();
    }
  }

  @Test
  void takeAll_chaining_takesTheExecutionsOwnStepsIntoTheSameCommit() {
    KeepingStore store = new KeepingStore(stored);
    Stepper stepper = stepper(store).chaining(32);
    String arn = create("chained");

    List<Taken> taken = stepper.takeAll(List.of(start(arn)));

    assertThat(taken).extracting(Taken::outcome).containsExactly(Outcome.COMMITTED);
    assertThat(store.commitCalls).isEqualTo(1);
    assertThat(bus.published).isEmpty();
    assertThat(stepper.transitions()).isEqualTo(4);
    Checkpoint ended = stored.read(arn);
    assertThat(ended.isRunning()).isFalse();
    List<HistoryEvent> history = stored.history(arn);
    assertThat(history).extracting(HistoryEvent::id).doesNotHaveDuplicates();
    assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
    assertThat(history.get(history.size() - 1).id()).isEqualTo(history.size());
  }

  @Test
  void takeAll_chainLimitReached_sendsTheRestThroughTheBus() {
    Stepper stepper = stepper(new KeepingStore(stored)).chaining(1);
    String arn = create("limited");

    stepper.takeAll(List.of(start(arn)));

    assertThat(stepper.transitions()).isEqualTo(2);
    assertThat(bus.published).hasSize(1);
    assertThat(stored.read(arn).version).isEqualTo(2);
    assertThat(stepper.takeAll(List.of(new Delivered(bus.take(), false))))
        .extracting(Taken::outcome)
        .containsExactly(Outcome.COMMITTED);
    assertThat(stored.read(arn).isRunning()).isFalse();
  }

  private Stepper stepper(CheckpointStore store) {
    return new Stepper(store, bus, new NoInvoker(), Clock.SYSTEM, 16);
  }

  private String create(String name) {
    Checkpoint checkpoint =
        Transition.newExecution(
            DefinitionParser.parse(CHAIN), Arns.stateMachine("chain"), name, "{}", 1_000);
    stored.create(checkpoint);
    return checkpoint.executionArn;
  }

  private static Delivered start(String arn) {
    return new Delivered(
        new StepMessage(arn, StepMessage.EXECUTION, 0, new StepMessage.Start()), false);
  }

  /**
   * A store as one process of many sees it: it keeps the checkpoints it read and wrote, which
   * another process's writes leave behind, and counts its commit calls.
   */
  private static final class KeepingStore implements CheckpointStore {
    private final CheckpointCodec codec = new CheckpointCodec();
    private final CheckpointStore shared;
    private final Map<String, byte[]> kept = new HashMap<>();
    int commitCalls;

    KeepingStore(CheckpointStore shared) {
      this.shared = shared;
    }

    @Override
    public Checkpoint lastSeen(String executionArn) {
      byte[] bytes = kept.get(executionArn);
      return bytes == null ? null : codec.decode(bytes);
    }

    @Override
    public void create(Checkpoint checkpoint) {
      shared.create(checkpoint);
    }

    @Override
    public Checkpoint read(String executionArn) {
      Checkpoint checkpoint = shared.read(executionArn);
      if (checkpoint != null) {
        kept.put(executionArn, codec.encode(checkpoint));
      }
      return checkpoint;
    }

    @Override
    public List<Commit> commitAll(List<Commit> commits) {
      commitCalls++;
      return CheckpointStore.super.commitAll(commits);
    }

    @Override
    public void commit(
        Checkpoint checkpoint,
        long readVersion,
        List<HistoryEvent> events,
        List<Dispatch.Timer> timers) {
      shared.commit(checkpoint, readVersion, events, timers);
      kept.put(checkpoint.executionArn, codec.encode(checkpoint));
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
      return shared.history(executionArn);
    }

    @Override
    public List<Dispatch.Timer> claimDueTimers(long now, int max) {
      return shared.claimDueTimers(now, max);
    }

    @Override
    public OptionalLong nextTimerDue() {
      return shared.nextTimerDue();
    }

    @Override
    public List<Checkpoint> executions(String stateMachineArn, int limit, int offset) {
      return shared.executions(stateMachineArn, limit, offset);
    }

    @Override
    public List<String> runningExecutions() {
      return shared.runningExecutions();
    }
  }

  /** Keeps what is sent, in order. */
  private static final class RecordingBus implements StepBus {
    final List<StepMessage> published = new ArrayList<>();
    final List<InvokeRequest> invoked = new ArrayList<>();

    StepMessage take() {
      return published.remove(0);
    }

    @Override
    public void publish(StepMessage message) {
      published.add(message);
    }

    @Override
    public void invoke(InvokeRequest request) {
      invoked.add(request);
    }

    @Override
    public AutoCloseable takeSteps(Handler<StepMessage> handler) {
      throw new UnsupportedOperationException("the test hands messages over itself");
    }

    @Override
    public AutoCloseable takeInvokes(Handler<InvokeRequest> handler) {
      throw new UnsupportedOperationException("the test hands messages over itself");
    }

    @Override
    public void close() {}
  }
}
