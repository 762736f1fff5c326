package dev.mercury.tests.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.CheckpointStore.ConflictException;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.store.elasticsearch.ExecutionQuery;
import dev.mercury.store.elasticsearch.ExecutionSummary;
import dev.mercury.tests.support.ElasticsearchNode;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchNode.class)
class ElasticsearchCheckpointStoreIT {
  private static final String WAIT_THEN_PASS =
      """
      {"StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": 30, "Next": "P"},
        "P": {"Type": "Pass", "End": true}}}""";

  /** One set of indices for the class; each test has its own state machine and executions. */
  private static final ElasticsearchOptions SHARED =
      ElasticsearchOptions.defaults()
          .withPrefix("it-store-" + UUID.randomUUID().toString().substring(0, 8) + "-")
          .withReplicas(0)
          .withTimerLeaseMillis(1_000);

  private ElasticsearchOptions options = SHARED;
  private final String MACHINE = Arns.stateMachine("orders-" + UUID.randomUUID());
  private ElasticsearchCheckpointStore store;

  @BeforeEach
  void open() {
    store = ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options);
  }

  /** Timers are claimed index-wide, so timer tests get indices of their own. */
  private void useOwnIndices() {
    store.close();
    options = options.withPrefix("it-timers-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    store = ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void create_thenRead_returnsTheSameCheckpoint() {
    Checkpoint created = checkpoint("first", "{\"order\": 7}");
    store.create(created);

    Checkpoint read = store.read(created.executionArn);

    assertThat(read.executionArn).isEqualTo(created.executionArn);
    assertThat(read.input).isEqualTo(Json.parseTrusted("{\"order\": 7}"));
    assertThat(read.status).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(store.read("arn:aws:states:us-east-1:1:execution:none:none")).isNull();
  }

  @Test
  void create_sameArnTwice_conflicts() {
    store.create(checkpoint("same", "{}"));
    assertThatThrownBy(() -> store.create(checkpoint("same", "{}")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void commit_withStaleVersion_conflictsAndWritesNothing() {
    Checkpoint c = checkpoint("stale", "{}");
    store.create(c);
    c.version = 1;
    c.lastEventId = 1;
    store.commit(c, 0, List.of(event(1, "ExecutionStarted")), List.of());

    c.version = 2;
    c.lastEventId = 2;
    assertThatThrownBy(
            () -> store.commit(c, 0, List.of(event(2, "PassStateEntered")), List.of(timer(c, 5))))
        .isInstanceOf(ConflictException.class);

    assertThat(store.read(c.executionArn).version).isEqualTo(1);
    assertThat(store.history(c.executionArn)).extracting(HistoryEvent::id).containsExactly(1L);
  }

  @Test
  void commitAll_oneExecutionMovedOn_refusesOnlyThatOneAndWritesTheOthers() {
    Checkpoint a = checkpoint("batch-a", "{}");
    Checkpoint b = checkpoint("batch-b", "{}");
    Checkpoint c = checkpoint("batch-c", "{}");
    for (Checkpoint each : List.of(a, b, c)) {
      store.create(each);
    }
    commitFromAnotherStore(b.executionArn);
    List<CheckpointStore.Commit> commits = new ArrayList<>();
    for (Checkpoint each : List.of(a, b, c)) {
      each.version = 1;
      each.lastEventId = 1;
      commits.add(
          new CheckpointStore.Commit(each, 0, List.of(event(1, "Mine")), List.of(timer(each, 9))));
    }

    List<CheckpointStore.Commit> refused = store.commitAll(commits);

    assertThat(refused).containsExactly(commits.get(1));
    for (Checkpoint each : List.of(a, b, c)) {
      assertThat(store.read(each.executionArn).version).isEqualTo(1);
    }
    assertThat(store.history(a.executionArn))
        .extracting(HistoryEvent::type)
        .containsExactly("Mine");
    assertThat(store.history(b.executionArn))
        .extracting(HistoryEvent::type)
        .containsExactly("Theirs");
  }

  @Test
  void executions_everyOneAsked_newestFirstWithOffsetAndLimit() {
    for (int i = 0; i < 5; i++) {
      store.create(started("listed-" + i, "{}", 10_000 + i));
    }
    store.refresh();

    assertThat(store.executions(MACHINE, Integer.MAX_VALUE, 0))
        .extracting(c -> c.name)
        .containsExactly("listed-4", "listed-3", "listed-2", "listed-1", "listed-0");
    assertThat(store.executions(MACHINE, 2, 1))
        .extracting(c -> c.name)
        .containsExactly("listed-3", "listed-2");
  }

  @Test
  void readAll_someMissing_returnsThoseThatExist() {
    Checkpoint a = checkpoint("read-a", "{\"n\": 1}");
    Checkpoint b = checkpoint("read-b", "{\"n\": 2}");
    store.create(a);
    store.create(b);
    String missing = Arns.execution(MACHINE, "read-missing");

    Map<String, Checkpoint> read = store.readAll(List.of(a.executionArn, missing, b.executionArn));

    assertThat(read).containsOnlyKeys(a.executionArn, b.executionArn);
    assertThat(Json.write(read.get(b.executionArn).input)).isEqualTo("{\"n\":2}");
  }

  @Test
  void lastSeen_afterAnotherStoreCommitted_isBehindAndACommitAgainstItIsRefused() {
    Checkpoint c = checkpoint("kept", "{}");
    store.create(c);
    commitFromAnotherStore(c.executionArn);

    Checkpoint kept = store.lastSeen(c.executionArn);

    assertThat(kept.version).isZero();
    kept.version = 1;
    kept.lastEventId = 1;
    assertThatThrownBy(() -> store.commit(kept, 0, List.of(event(1, "Mine")), List.of()))
        .isInstanceOf(ConflictException.class);
    assertThat(store.lastSeen(c.executionArn)).isNull();
    assertThat(store.history(c.executionArn))
        .extracting(HistoryEvent::type)
        .containsExactly("Theirs");
  }

  @Test
  void history_acrossCommits_isContiguousAndIncludesTheLastTransition() {
    Checkpoint c = checkpoint("history", "{}");
    store.create(c);
    for (int version = 1; version <= 4; version++) {
      c.version = version;
      List<HistoryEvent> events =
          List.of(event(2L * version - 1, "A" + version), event(2L * version, "B" + version));
      c.lastEventId = 2L * version;
      store.commit(c, version - 1, events, List.of());
    }

    List<HistoryEvent> history = store.history(c.executionArn);

    assertThat(history)
        .extracting(HistoryEvent::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(history.get(7).type()).isEqualTo("B4");
    assertThat(history.get(0).details()).isEqualTo(Json.parseTrusted("{\"n\": 1}"));
  }

  @Test
  void commit_racingWriters_oneWinsAndHistoryShowsOnlyTheWinner() throws Exception {
    Checkpoint c = checkpoint("race", "{}");
    store.create(c);
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String type = "Writer" + w;
      outcomes.add(
          pool.submit(
              () -> {
                try (ElasticsearchCheckpointStore own =
                    ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options)) {
                  Checkpoint mine = own.read(c.executionArn);
                  go.await();
                  mine.version = 1;
                  mine.lastEventId = 2;
                  own.commit(mine, 0, List.of(event(1, type), event(2, type)), List.of());
                  return type;
                } catch (ConflictException e) {
                  return null;
                }
              }));
    }
    go.countDown();
    List<String> winners = new ArrayList<>();
    for (Future<String> outcome : outcomes) {
      if (outcome.get() != null) {
        winners.add(outcome.get());
      }
    }
    pool.shutdown();

    assertThat(winners).hasSize(1);
    assertThat(store.history(c.executionArn))
        .extracting(HistoryEvent::type)
        .containsExactly(winners.get(0), winners.get(0));
  }

  @Test
  void history_afterTheEnd_isInTheHistoryIndexToo() {
    Checkpoint c = checkpoint("ended", "{}");
    store.create(c);
    c.version = 1;
    c.lastEventId = 2;
    c.status = ExecutionStatus.SUCCEEDED;
    c.stopMillis = 2_000;
    store.commit(
        c, 0, List.of(event(1, "ExecutionStarted"), event(2, "ExecutionSucceeded")), List.of());

    assertThat(store.history(c.executionArn)).hasSize(2);
    assertThat(historyDocuments(c.executionArn)).isEqualTo(2);
  }

  @Test
  void claimDueTimers_handsEachTimerToOneClaimerAndForgetsItWhenFired() {
    useOwnIndices();
    Checkpoint c = checkpoint("timers", "{}");
    store.create(c);
    c.version = 1;
    store.commit(
        c, 0, List.of(), List.of(timer(c, 1_000), timer(c, 2_000), timer(c, 9_999_999_999_999L)));
    store.refresh();

    List<Dispatch.Timer> claimed = store.claimDueTimers(5_000, 10);
    store.refresh();

    assertThat(claimed).extracting(Dispatch.Timer::dueMillis).containsExactly(1_000L, 2_000L);
    assertThat(store.claimDueTimers(5_000, 10)).isEmpty();
    store.timersFired(claimed);
    store.refresh();
    assertThat(store.nextTimerDue()).hasValue(9_999_999_999_999L);
  }

  @Test
  void claimDueTimers_claimerThatNeverConfirms_losesTheTimerWhenTheLeaseEnds() {
    useOwnIndices();
    Checkpoint c = checkpoint("lease", "{}");
    store.create(c);
    c.version = 1;
    store.commit(c, 0, List.of(), List.of(timer(c, 1_000)));
    store.refresh();
    long now = System.currentTimeMillis();

    assertThat(store.claimDueTimers(now, 10)).hasSize(1);
    store.refresh();

    assertThat(store.claimDueTimers(now, 10)).isEmpty();
    assertThat(store.claimDueTimers(now + options.timerLeaseMillis() + 1, 10)).hasSize(1);
  }

  @Test
  void claimDueTimers_manyWorkersAtOnce_eachTimerClaimedOnce() throws Exception {
    useOwnIndices();
    Checkpoint c = checkpoint("crowd", "{}");
    store.create(c);
    List<Dispatch.Timer> timers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      timers.add(new Dispatch.Timer(1_000 + i, message(c, i)));
    }
    c.version = 1;
    store.commit(c, 0, List.of(), timers);
    store.refresh();

    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> claimers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      claimers.add(
          pool.submit(
              () -> {
                try (ElasticsearchCheckpointStore own =
                    ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options)) {
                  for (int round = 0; round < 30 && seen.size() < 200; round++) {
                    for (Dispatch.Timer t : own.claimDueTimers(10_000, 50)) {
                      seen.add(t.message().seq());
                      all.add(t.message().seq());
                    }
                    own.refresh();
                  }
                }
                return null;
              }));
    }
    for (Future<?> claimer : claimers) {
      claimer.get();
    }
    pool.shutdown();

    assertThat(seen).hasSize(200);
    assertThat(all).hasSize(200);
  }

  @Test
  void search_byMachineStatusTimeNameAndContent_findsTheRightExecutions() {
    store.create(started("order-1", "{\"customer\": \"ada lovelace\"}", 1_000));
    store.create(started("order-2", "{\"customer\": \"alan turing\"}", 2_000));
    Checkpoint done = started("refund-1", "{\"customer\": \"ada lovelace\"}", 3_000);
    store.create(done);
    done.version = 1;
    done.status = ExecutionStatus.SUCCEEDED;
    done.output = Json.parseTrusted("{\"refunded\": \"yes\"}");
    done.stopMillis = 4_000;
    store.commit(done, 0, List.of(), List.of());
    Checkpoint other =
        Transition.newExecution(
            DefinitionParser.parse(WAIT_THEN_PASS),
            Arns.stateMachine("other-" + UUID.randomUUID()),
            "order-9",
            "{}",
            1_500);
    store.create(other);
    store.refresh();
    ExecutionQuery orders = ExecutionQuery.all().stateMachine(MACHINE);

    assertThat(names(orders)).containsExactly("refund-1", "order-2", "order-1");
    assertThat(names(orders.withStatus("RUNNING"))).containsExactly("order-2", "order-1");
    assertThat(names(orders.startedBetween(1_500L, 3_000L))).containsExactly("order-2");
    assertThat(names(ExecutionQuery.all().nameStartingWith("order-")))
        .containsExactly("order-2", "order-9", "order-1");
    assertThat(names(orders.containing("lovelace"))).containsExactly("refund-1", "order-1");
    assertThat(names(orders.containing("refunded"))).containsExactly("refund-1");
    assertThat(names(orders.limit(1))).containsExactly("refund-1");
  }

  @Test
  void listings_executionsRunningAndIdle_matchTheStore() {
    for (int i = 0; i < 5; i++) {
      store.create(started("e" + i, "{}", 1_000 + i));
    }
    Checkpoint waiting = store.read(Arns.execution(MACHINE, "e0"));
    waiting.version = 1;
    waiting.lastEventId = 1;
    store.commit(waiting, 0, List.of(event(1, "ExecutionStarted")), List.of());
    store.refresh();

    assertThat(store.executions(MACHINE, 2, 1)).extracting(c -> c.name).containsExactly("e3", "e2");
    List<String> all =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> Arns.execution(MACHINE, "e" + i))
            .toList();
    assertThat(store.runningExecutions()).containsAll(all);
    assertThat(store.idleExecutions(System.currentTimeMillis() + 1_000))
        .containsAll(all.subList(1, 5))
        .doesNotContain(all.get(0));
    assertThat(store.idleExecutions(0)).doesNotContainAnyElementsOf(all);
  }

  private List<String> names(ExecutionQuery query) {
    return store.search(query).stream().map(ExecutionSummary::name).toList();
  }

  /**
   * Takes the execution from version 0 to 1 through a store of its own, as another worker would.
   */
  private void commitFromAnotherStore(String arn) {
    try (ElasticsearchCheckpointStore other =
        ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options)) {
      Checkpoint theirs = other.read(arn);
      theirs.version = 1;
      theirs.lastEventId = 1;
      other.commit(theirs, 0, List.of(event(1, "Theirs")), List.of());
    }
  }

  private long historyDocuments(String arn) {
    try (RestClient rest = RestClient.builder(HttpHost.create(ElasticsearchNode.url())).build()) {
      ElasticsearchClient client =
          new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
      client.indices().refresh(r -> r.index(options.prefix() + "history"));
      return client
          .count(
              c ->
                  c.index(options.prefix() + "history")
                      .query(q -> q.term(t -> t.field("arn").value(arn))))
          .count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Checkpoint checkpoint(String name, String input) {
    return started(name, input, 1_000);
  }

  private Checkpoint started(String name, String input, long startMillis) {
    return Transition.newExecution(
        DefinitionParser.parse(WAIT_THEN_PASS), MACHINE, name, input, startMillis);
  }

  private static HistoryEvent event(long id, String type) {
    return new HistoryEvent(
        id,
        id - 1,
        1_000 + id,
        type,
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.parseTrusted("{\"n\": " + id + "}"));
  }

  private static Dispatch.Timer timer(Checkpoint c, long due) {
    return new Dispatch.Timer(due, message(c, due));
  }

  private static StepMessage message(Checkpoint c, long seq) {
    return new StepMessage(
        c.executionArn, 0, seq, new StepMessage.TimerDue(StepMessage.TimerPurpose.WAIT));
  }
}
