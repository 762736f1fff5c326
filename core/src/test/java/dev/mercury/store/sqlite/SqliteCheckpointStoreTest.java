package dev.mercury.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.engine.Engine;
import dev.mercury.engine.VirtualClock;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore.Commit;
import dev.mercury.port.CheckpointStore.ConflictException;
import dev.mercury.port.Invoker;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.StepMessage.TaskResult;
import dev.mercury.transition.Transition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointStoreTest {
  private static final String WAIT_THEN_TASK =
      """
      {"StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": 30, "Next": "T"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "ResultPath": "$.r", "End": true}}}""";

  @TempDir Path dir;

  @Test
  void commit_withStaleVersion_conflictsAndWritesNothing() {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("m.db"))) {
      Checkpoint checkpoint = newCheckpoint("e1");
      store.create(checkpoint);
      checkpoint.version = 1;
      store.commit(checkpoint, 0, List.of(), List.of());

      checkpoint.version = 2;
      assertThatThrownBy(() -> store.commit(checkpoint, 0, List.of(), List.of()))
          .isInstanceOf(ConflictException.class);
      assertThat(store.read(checkpoint.executionArn).version).isEqualTo(1);
    }
  }

  @Test
  void commitAll_oneVersionMoved_writesTheOthersAndNothingOfThatOne() {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("m.db"))) {
      Checkpoint moved = newCheckpoint("moved");
      Checkpoint current = newCheckpoint("current");
      store.create(moved);
      store.create(current);
      moved.version = 1;
      current.version = 1;
      HistoryEvent started = new HistoryEvent(1, 0, 0, "ExecutionStarted", null);
      StepMessage due =
          new StepMessage(
              moved.executionArn, 0, 1, new StepMessage.TimerDue(StepMessage.TimerPurpose.WAIT));

      List<Commit> refused =
          store.commitAll(
              List.of(
                  new Commit(moved, 5, List.of(started), List.of(new Dispatch.Timer(10, due))),
                  new Commit(current, 0, List.of(started), List.of())));

      assertThat(refused).extracting(c -> c.checkpoint()).containsExactly(moved);
      assertThat(store.read(moved.executionArn).version).isZero();
      assertThat(store.history(moved.executionArn)).isEmpty();
      assertThat(store.nextTimerDue()).isEmpty();
      assertThat(store.read(current.executionArn).version).isEqualTo(1);
      assertThat(store.history(current.executionArn)).containsExactly(started);
    }
  }

  @Test
  void engine_invokesATaskOnlyOnceTheTransitionThatScheduledItIsInTheFile() throws Exception {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("order.db"))) {
      List<List<String>> historyAtInvoke = new java.util.concurrent.CopyOnWriteArrayList<>();
      Invoker looking =
          request -> {
            historyAtInvoke.add(
                store.history(request.executionArn()).stream().map(HistoryEvent::type).toList());
            return CompletableFuture.completedFuture(
                TaskResult.success(Json.parseTrusted("{\"ok\": 1}")));
          };
      Engine engine = new Engine(store, looking, new VirtualClock(1_000_000));

      Checkpoint ended = engine.runToEnd(start(engine, "ordered"));

      assertThat(ended.status).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(historyAtInvoke).singleElement().asList().contains("TaskScheduled");
    }
  }

  @Test
  void claimDueTimers_claimedButNeverConfirmed_isDueAgainWhenTheFileIsReopened() {
    Path file = dir.resolve("timers.db");
    Checkpoint checkpoint = newCheckpoint("timer");
    StepMessage due =
        new StepMessage(
            checkpoint.executionArn, 0, 1, new StepMessage.TimerDue(StepMessage.TimerPurpose.WAIT));
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      store.create(checkpoint);
      checkpoint.version = 1;
      store.commit(checkpoint, 0, List.of(), List.of(new Dispatch.Timer(500, due)));

      assertThat(store.claimDueTimers(1_000, 10)).hasSize(1);
      assertThat(store.claimDueTimers(1_000, 10)).isEmpty();
    }

    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      List<Dispatch.Timer> again = store.claimDueTimers(1_000, 10);
      assertThat(again).extracting(Dispatch.Timer::message).containsExactly(due);

      store.timersFired(again);
    }
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      assertThat(store.claimDueTimers(1_000, 10)).isEmpty();
      assertThat(store.nextTimerDue()).isEmpty();
    }
  }

  @Test
  void create_sameArnTwice_conflicts() {
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("m.db"))) {
      store.create(newCheckpoint("same"));
      assertThatThrownBy(() -> store.create(newCheckpoint("same")))
          .isInstanceOf(ConflictException.class);
    }
  }

  @Test
  void engine_restartedWhileWaiting_resumesFromTheFileAndEndsOnce() throws Exception {
    Path file = dir.resolve("restart.db");
    VirtualClock clock = new VirtualClock(1_000_000);
    String arn;
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      Engine first = new Engine(store, answering(new AtomicInteger()), clock);
      arn = start(first, "waiting");
      // Stopped once the Wait's timer is stored, before the virtual clock reaches it.
      first.runUntil(() -> store.nextTimerDue().isPresent());
      assertThat(store.read(arn).isRunning()).isTrue();
    }

    AtomicInteger calls = new AtomicInteger();
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      Engine second = new Engine(store, answering(calls), clock);
      second.resume();
      Checkpoint ended = second.runToEnd(arn);

      assertThat(ended.status).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(ended.output).isEqualTo(Json.parseTrusted("{\"a\": 1, \"r\": {\"ok\": 1}}"));
      assertThat(calls).hasValue(1);
      assertContiguous(store.history(arn));
    }
  }

  @Test
  void engine_restartedWhileTaskRuns_invokesItAgainWithTheSameIdempotencyKey() throws Exception {
    Path file = dir.resolve("task.db");
    VirtualClock clock = new VirtualClock(1_000_000);
    List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
    String arn;
    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      Invoker neverAnswers =
          request -> {
            keys.add(request.idempotencyKey());
            return new CompletableFuture<>();
          };
      Engine first = new Engine(store, neverAnswers, clock);
      arn = start(first, "in-flight");
      AtomicInteger steps = new AtomicInteger();
      first.runUntil(() -> steps.incrementAndGet() > 6);
      assertThat(keys).hasSize(1);
    }

    try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
      Engine second =
          new Engine(
              store,
              request -> {
                keys.add(request.idempotencyKey());
                return CompletableFuture.completedFuture(
                    TaskResult.success(Json.parseTrusted("{\"ok\": 1}")));
              },
              clock);
      second.resume();
      Checkpoint ended = second.runToEnd(arn);

      assertThat(ended.status).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(keys).hasSize(2).allMatch(k -> k.equals(keys.get(0)));
      assertContiguous(store.history(arn));
    }
  }

  private static String start(Engine engine, String name) {
    return engine.start(
            DefinitionParser.parse(WAIT_THEN_TASK),
            Arns.stateMachine("restart"),
            name,
            "{\"a\": 1}")
        .executionArn;
  }

  private static Invoker answering(AtomicInteger calls) {
    return request -> {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(
          TaskResult.success(Json.parseTrusted("{\"ok\": 1}")));
    };
  }

  private static void assertContiguous(List<HistoryEvent> history) {
    assertThat(history.stream().mapToLong(HistoryEvent::id).toArray())
        .containsExactly(LongStream.rangeClosed(1, history.size()).toArray());
    assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
  }

  private static Checkpoint newCheckpoint(String name) {
    return Transition.newExecution(
        DefinitionParser.parse(WAIT_THEN_TASK), Arns.stateMachine("m"), name, "{}", 0);
  }
}
