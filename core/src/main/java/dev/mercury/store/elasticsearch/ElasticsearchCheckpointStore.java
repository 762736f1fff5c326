package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.CreateResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.StateMachineStore;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.store.elasticsearch.Stamps.Stamp;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints, history and timers in Elasticsearch, for workers on many machines.
 *
 * <p>Design note. Elasticsearch has no transaction across documents, so a commit is built around
 * one conditional write: the execution's document, written with {@code if_seq_no} and {@code
 * if_primary_term} from the read, is the commit point. Everything else is arranged so that a crash
 * or a lost race on either side of that write leaves nothing visible:
 *
 * <ul>
 *   <li>Timers are written <em>before</em> the commit point, with ids derived from execution, flow,
 *       seq and purpose. A transition that loses the race or dies leaves at most a timer whose
 *       message carries a seq the committed checkpoint has not reached; the transition's retry sets
 *       the same timer again under the same id. Such a timer may fire before that commit lands, so
 *       workers hold a timer message ahead of its flow until the flow catches up (see {@code
 *       Transition.isAhead}) instead of dropping it.
 *   <li>History events travel <em>inside</em> the commit point, as the execution document's {@code
 *       pendingEvents}, and are copied to the history index (id {@code arn#eventId}) by a later
 *       commit of that execution, before its own conditional write, or straight after the commit
 *       that ends the execution. A checkpoint carries the events of several transitions, up to
 *       {@link #PENDING_AT_MOST}, until a commit sets a timer, ends the execution or would carry
 *       more. Only committed content is ever written there, so writes of the same event by several
 *       workers are identical and a retried bulk is idempotent. Writing events first and the
 *       checkpoint last would not be enough: the loser of a race between two workers would
 *       overwrite the winner's events under the same ids.
 *   <li>Readers of history take events with ids up to the checkpoint's {@code lastEventId}: from
 *       the history index by id (a realtime multi-get, not a search) and the latest transitions'
 *       from {@code pendingEvents}. A write past {@code lastEventId} is never seen.
 * </ul>
 *
 * <p>Claiming a timer leases it: the timer document's due time moves forward by the lease with a
 * conditional write, and the worker whose write succeeds owns it. {@link #timersFired} deletes it
 * once its message is on the bus; a worker that dies in between leaves the timer to fall due again
 * when the lease ends. Searches are near real time (refreshed every second), so a timer fires up to
 * about a second late and a new execution appears in listings within a second; reads of one
 * execution and of its history are always current.
 */
public final class ElasticsearchCheckpointStore implements CheckpointStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchCheckpointStore.class);

  /** Bytes of checkpoints and pending events kept to skip reads before commits, at most. */
  private static final long STAMP_BUDGET = 64L << 20;

  private static final int PAGE = 1_000;
  private static final long PATIENCE_MILLIS = 30_000;

  /** Events a running execution's checkpoint carries at most before a commit copies them out. */
  private static final int PENDING_AT_MOST = 32;

  private final ElasticsearchConnection connection;
  private final ElasticsearchClient client;
  private final ElasticsearchOptions options;
  private final LongSupplier clock;
  private final CheckpointCodec codec = new CheckpointCodec();

  /** What this store knows of the checkpoints it read or wrote lately. */
  private final Stamps stamps = new Stamps(STAMP_BUDGET);

  /** The document version of each timer this store leased, by timer id. */
  private final Map<String, Stamp> leases = new ConcurrentHashMap<>();

  private ElasticsearchCheckpointStore(
      ElasticsearchConnection connection, ElasticsearchOptions options, LongSupplier clock) {
    this.connection = connection;
    this.client = connection.client();
    this.options = options;
    this.clock = clock;
  }

  /**
   * Connects to the cluster at {@code url} and puts the index templates and indices in place,
   * waiting with backoff while the cluster cannot be reached.
   */
  public static ElasticsearchCheckpointStore open(String url, ElasticsearchOptions options) {
    ElasticsearchConnection connection = ElasticsearchConnection.open(url);
    connection.retrying("create the indices", () -> Indices.create(connection.client(), options));
    return new ElasticsearchCheckpointStore(connection, options, System::currentTimeMillis);
  }

  public ElasticsearchOptions options() {
    return options;
  }

  /** The state machines, kept in an index beside the executions. */
  public StateMachineStore stateMachines() {
    return new ElasticsearchStateMachineStore(client, options.stateMachines());
  }

  /** The API's other resources (activities, versions, aliases, tags), in an index of their own. */
  public ResourceStore resources() {
    return new ElasticsearchResourceStore(client, options.resources());
  }

  @Override
  public void create(Checkpoint checkpoint) {
    byte[] bytes = codec.encode(checkpoint);
    ObjectNode doc = Documents.execution(checkpoint, bytes, List.of(), clock.getAsLong());
    CreateResponse written;
    try {
      written =
          client.create(
              c -> c.index(options.executions()).id(checkpoint.executionArn).document(doc));
    } catch (ElasticsearchException | IOException e) {
      if (status(e) == 409) {
        throw new ConflictException("execution exists: " + checkpoint.executionArn);
      }
      throw failure("create an execution", e);
    }
    remember(checkpoint, written.seqNo(), written.primaryTerm(), List.of(), bytes);
  }

  @Override
  public Checkpoint read(String executionArn) {
    GetResponse<ObjectNode> got =
        call(
            "read a checkpoint",
            () ->
                client.get(g -> g.index(options.executions()).id(executionArn), ObjectNode.class));
    if (!got.found()) {
      return null;
    }
    byte[] bytes = Documents.checkpointBytes(got.source());
    Checkpoint checkpoint = codec.decode(bytes);
    remember(
        checkpoint, got.seqNo(), got.primaryTerm(), Documents.pendingEvents(got.source()), bytes);
    return checkpoint;
  }

  /** Reads them with one realtime multi-get. */
  @Override
  public Map<String, Checkpoint> readAll(Collection<String> executionArns) {
    Map<String, Checkpoint> found = new HashMap<>();
    if (executionArns.isEmpty()) {
      return found;
    }
    List<String> ids = List.copyOf(executionArns);
    var got =
        call(
            "read checkpoints",
            () -> client.mget(m -> m.index(options.executions()).ids(ids), ObjectNode.class));
    for (MultiGetResponseItem<ObjectNode> item : got.docs()) {
      if (item.isFailure()) {
        throw new ElasticsearchStoreException(
            "Elasticsearch could not read the checkpoint of "
                + item.failure().id()
                + ": "
                + item.failure().error().reason(),
            null,
            true);
      }
      var doc = item.result();
      if (doc.found()) {
        byte[] bytes = Documents.checkpointBytes(doc.source());
        Checkpoint checkpoint = codec.decode(bytes);
        remember(
            checkpoint,
            doc.seqNo(),
            doc.primaryTerm(),
            Documents.pendingEvents(doc.source()),
            bytes);
        found.put(checkpoint.executionArn, checkpoint);
      }
    }
    return found;
  }

  /** The checkpoint as this store last read or wrote it, decoded anew from the bytes it kept. */
  @Override
  public Checkpoint lastSeen(String executionArn) {
    Stamp stamp = stamps.get(executionArn);
    return stamp == null ? null : codec.decode(stamp.bytes());
  }

  @Override
  public void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers) {
    if (!commitAll(List.of(new Commit(checkpoint, readVersion, events, timers))).isEmpty()) {
      throw new ConflictException(
          "checkpoint of " + checkpoint.executionArn + " moved past version " + readVersion);
    }
  }

  /**
   * Commits in at most three requests however many executions there are: one bulk of the history
   * events and timers that must be stored before their commit points, one bulk of the conditional
   * checkpoint writes, and one bulk of the last events of executions that ended.
   */
  @Override
  public List<Commit> commitAll(List<Commit> commits) {
    List<Commit> refused = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    List<BulkOperation> before = new ArrayList<>();
    for (Commit commit : commits) {
      Stamp read;
      try {
        read = stampAt(commit.checkpoint().executionArn, commit.readVersion());
      } catch (ConflictException e) {
        refused.add(commit);
        continue;
      }
      prepared.add(prepare(commit, read, before));
    }
    bulk("store events and timers", before);
    if (prepared.isEmpty()) {
      return refused;
    }
    BulkResponse written = conditionalWrites(prepared);
    List<BulkOperation> ended = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      Prepared one = prepared.get(i);
      BulkResponseItem item = written.items().get(i);
      Checkpoint checkpoint = one.commit().checkpoint();
      String arn = checkpoint.executionArn;
      if (item.error() != null) {
        stamps.remove(arn);
        if (item.status() != 409) {
          LOG.warn("Commit of {} refused (HTTP {}): {}", arn, item.status(), item.error().reason());
        }
        refused.add(one.commit());
      } else if (checkpoint.isRunning()) {
        remember(checkpoint, item.seqNo(), item.primaryTerm(), one.pending(), one.bytes());
      } else {
        // Nothing will commit after the end, so the last events go to the history index now; should
        // this fail, readers still find them in pendingEvents.
        ended.addAll(eventWrites(arn, one.commit().events()));
        stamps.remove(arn);
      }
    }
    try {
      bulk("store history", ended);
    } catch (ElasticsearchStoreException e) {
      LOG.warn(
          "History of ended executions stays in their checkpoints for now: {}", e.getMessage());
    }
    return refused;
  }

  /** One execution's commit, ready for its conditional write. */
  private record Prepared(
      Commit commit, Stamp read, List<HistoryEvent> pending, byte[] bytes, ObjectNode doc) {}

  /**
   * Decides where the commit's events go and adds what must be stored before its commit point to
   * {@code before}.
   */
  private Prepared prepare(Commit commit, Stamp read, List<BulkOperation> before) {
    Checkpoint checkpoint = commit.checkpoint();
    List<HistoryEvent> events = commit.events();
    // While an execution runs and sets no timer, its events ride in the checkpoint for a few
    // transitions more, so that most commits write one document instead of several.
    List<HistoryEvent> pending;
    if (checkpoint.isRunning()
        && commit.timers().isEmpty()
        && read.pending().size() + events.size() <= PENDING_AT_MOST) {
      pending = new ArrayList<>(read.pending());
      pending.addAll(events);
    } else {
      before.addAll(eventWrites(checkpoint.executionArn, read.pending()));
      for (Dispatch.Timer timer : commit.timers()) {
        before.add(timerWrite(timer));
      }
      pending = events;
    }
    byte[] bytes = codec.encode(checkpoint);
    ObjectNode doc = Documents.execution(checkpoint, bytes, pending, clock.getAsLong());
    return new Prepared(commit, read, pending, bytes, doc);
  }

  private BulkResponse conditionalWrites(List<Prepared> prepared) {
    List<BulkOperation> writes = new ArrayList<>(prepared.size());
    for (Prepared one : prepared) {
      writes.add(
          BulkOperation.of(
              b ->
                  b.index(
                      i ->
                          i.index(options.executions())
                              .id(one.commit().checkpoint().executionArn)
                              .document(one.doc())
                              .ifSeqNo(one.read().seqNo())
                              .ifPrimaryTerm(one.read().primaryTerm()))));
    }
    try {
      return client.bulk(b -> b.operations(writes));
    } catch (ElasticsearchException | IOException e) {
      throw failure("commit checkpoints", e);
    }
  }

  /** The stamp of the checkpoint at {@code version}, read again when not known. */
  private Stamp stampAt(String arn, long version) {
    Stamp stamp = stamps.get(arn);
    if (stamp == null || stamp.version() != version) {
      Checkpoint current = read(arn);
      stamp = stamps.get(arn);
      if (current == null || stamp == null || stamp.version() != version) {
        throw new ConflictException("checkpoint of " + arn + " is not at version " + version);
      }
    }
    return stamp;
  }

  private void remember(
      Checkpoint checkpoint, long seqNo, long term, List<HistoryEvent> pending, byte[] bytes) {
    stamps.put(
        checkpoint.executionArn,
        new Stamp(checkpoint.version, seqNo, term, List.copyOf(pending), bytes));
  }

  private List<BulkOperation> eventWrites(String arn, List<HistoryEvent> events) {
    List<BulkOperation> writes = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      ObjectNode doc = Documents.event(arn, event);
      writes.add(
          BulkOperation.of(
              b ->
                  b.index(
                      i ->
                          i.index(options.history())
                              .id(Documents.eventId(arn, event.id()))
                              .document(doc))));
    }
    return writes;
  }

  private BulkOperation timerWrite(Dispatch.Timer timer) {
    ObjectNode doc = Documents.timer(timer.message(), timer.dueMillis());
    String id = Documents.timerId(timer.message());
    return BulkOperation.of(b -> b.index(i -> i.index(options.timers()).id(id).document(doc)));
  }

  private BulkResponse bulk(String what, List<BulkOperation> operations) {
    if (operations.isEmpty()) {
      return null;
    }
    BulkResponse response = call(what, () -> client.bulk(b -> b.operations(operations)));
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          throw new ElasticsearchStoreException(
              "Elasticsearch could not " + what + ": " + item.error().reason(),
              null,
              item.status() == 429 || item.status() >= 500);
        }
      }
    }
    return response;
  }

  @Override
  public List<HistoryEvent> history(String executionArn) {
    GetResponse<ObjectNode> got =
        call(
            "read history",
            () ->
                client.get(
                    g ->
                        g.index(options.executions())
                            .id(executionArn)
                            .sourceIncludes("lastEventId", "pendingEvents"),
                    ObjectNode.class));
    if (!got.found()) {
      return List.of();
    }
    List<HistoryEvent> pending = Documents.pendingEvents(got.source());
    long last = got.source().path("lastEventId").asLong();
    long flushedThrough = pending.isEmpty() ? last : pending.get(0).id() - 1;
    List<HistoryEvent> events = flushedEvents(executionArn, flushedThrough);
    events.addAll(pending);
    return events;
  }

  /** Events 1 to {@code through}, fetched by id so that no refresh is needed to see them. */
  private List<HistoryEvent> flushedEvents(String arn, long through) {
    List<HistoryEvent> events = new ArrayList<>((int) through);
    for (long from = 1; from <= through; from += PAGE) {
      List<String> ids = new ArrayList<>();
      for (long id = from; id <= Math.min(through, from + PAGE - 1); id++) {
        ids.add(Documents.eventId(arn, id));
      }
      var got =
          call(
              "read history",
              () -> client.mget(m -> m.index(options.history()).ids(ids), ObjectNode.class));
      for (MultiGetResponseItem<ObjectNode> item : got.docs()) {
        if (item.isResult() && item.result().found()) {
          events.add(Documents.event(item.result().source()));
        } else {
          LOG.error("History of {} lacks an event it committed: {}", arn, item);
        }
      }
    }
    return events;
  }

  @Override
  public List<Dispatch.Timer> claimDueTimers(long now, int max) {
    SearchResponse<ObjectNode> due =
        call(
            "find due timers",
            () ->
                client.search(
                    s ->
                        s.index(options.timers())
                            .query(
                                q ->
                                    q.range(
                                        r ->
                                            r.untyped(
                                                u -> u.field("dueMillis").lte(JsonData.of(now)))))
                            .sort(o -> o.field(f -> f.field("dueMillis").order(SortOrder.Asc)))
                            .size(max)
                            .seqNoPrimaryTerm(true),
                    ObjectNode.class));
    List<Hit<ObjectNode>> hits = due.hits().hits();
    if (hits.isEmpty()) {
      return List.of();
    }
    List<BulkOperation> leasesToTake = new ArrayList<>();
    for (Hit<ObjectNode> hit : hits) {
      Dispatch.Timer timer = Documents.timer(hit.source());
      ObjectNode leased = Documents.timer(timer.message(), now + options.timerLeaseMillis());
      leasesToTake.add(
          BulkOperation.of(
              b ->
                  b.index(
                      i ->
                          i.index(options.timers())
                              .id(hit.id())
                              .document(leased)
                              .ifSeqNo(hit.seqNo())
                              .ifPrimaryTerm(hit.primaryTerm()))));
    }
    BulkResponse taken = call("claim timers", () -> client.bulk(b -> b.operations(leasesToTake)));
    List<Dispatch.Timer> claimed = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      BulkResponseItem item = taken.items().get(i);
      if (item.error() == null) {
        leases.put(item.id(), new Stamp(0, item.seqNo(), item.primaryTerm(), List.of(), null));
        claimed.add(Documents.timer(hits.get(i).source()));
      }
    }
    return claimed;
  }

  @Override
  public void timersFired(List<Dispatch.Timer> fired) {
    List<BulkOperation> deletes = new ArrayList<>();
    for (Dispatch.Timer timer : fired) {
      String id = Documents.timerId(timer.message());
      Stamp lease = leases.remove(id);
      if (lease != null) {
        deletes.add(
            BulkOperation.of(
                b ->
                    b.delete(
                        d ->
                            d.index(options.timers())
                                .id(id)
                                .ifSeqNo(lease.seqNo())
                                .ifPrimaryTerm(lease.primaryTerm()))));
      }
    }
    if (!deletes.isEmpty()) {
      // A failed delete means the timer was set again meanwhile; it stays, as it should.
      call("delete fired timers", () -> client.bulk(b -> b.operations(deletes)));
    }
  }

  @Override
  public OptionalLong nextTimerDue() {
    SearchResponse<ObjectNode> first =
        call(
            "find the next timer",
            () ->
                client.search(
                    s ->
                        s.index(options.timers())
                            .sort(o -> o.field(f -> f.field("dueMillis").order(SortOrder.Asc)))
                            .size(1),
                    ObjectNode.class));
    List<Hit<ObjectNode>> hits = first.hits().hits();
    return hits.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(hits.get(0).source().get("dueMillis").asLong());
  }

  /**
   * Page by page, since Elasticsearch refuses {@code from + size} past 10,000 and the API asks for
   * every execution of a machine before it filters and pages them.
   */
  @Override
  public List<Checkpoint> executions(String stateMachineArn, int limit, int offset) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    if (limit <= 0) {
      return checkpoints;
    }
    int[] skipped = {0};
    eachHit(
        s ->
            s.query(q -> q.term(t -> t.field("stateMachineArn").value(stateMachineArn)))
                .sort(o -> o.field(f -> f.field("startMillis").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("arn").order(SortOrder.Asc))),
        hit -> {
          if (skipped[0] < offset) {
            skipped[0]++;
          } else {
            checkpoints.add(codec.decode(Documents.checkpointBytes(hit.source())));
          }
          return checkpoints.size() < limit;
        });
    return checkpoints;
  }

  @Override
  public List<String> runningExecutions() {
    return arns(Query.of(q -> q.term(t -> t.field("status").value("RUNNING"))));
  }

  @Override
  public List<String> idleExecutions(long unchangedSinceMillis) {
    return arns(
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("status").value("RUNNING")))
                            .filter(f -> f.term(t -> t.field("hasWork").value(true)))
                            .filter(
                                f ->
                                    f.range(
                                        r ->
                                            r.untyped(
                                                u ->
                                                    u.field("updatedMillis")
                                                        .lt(
                                                            JsonData.of(
                                                                unchangedSinceMillis))))))));
  }

  /** Every execution ARN the query matches, in ARN order. */
  private List<String> arns(Query query) {
    List<String> arns = new ArrayList<>();
    eachHit(
        s ->
            s.query(query)
                .source(c -> c.filter(f -> f.includes("arn")))
                .sort(o -> o.field(f -> f.field("arn").order(SortOrder.Asc))),
        hit -> arns.add(hit.id()));
    return arns;
  }

  /**
   * Hands each hit of a search over the executions to {@code each} until it answers false or the
   * hits run out, a page at a time with {@code search_after}; {@code shape} sets the query and a
   * sort that orders every execution.
   */
  private void eachHit(
      UnaryOperator<SearchRequest.Builder> shape, Predicate<Hit<ObjectNode>> each) {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> page =
          call(
              "list executions",
              () ->
                  client.search(
                      s -> {
                        shape.apply(s.index(options.executions()).size(PAGE));
                        return from == null ? s : s.searchAfter(from);
                      },
                      ObjectNode.class));
      List<Hit<ObjectNode>> hits = page.hits().hits();
      for (Hit<ObjectNode> hit : hits) {
        if (!each.test(hit)) {
          return;
        }
      }
      if (hits.size() < PAGE) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * Executions matching {@code query}, newest first: by state machine, status, start time, name
   * prefix and words in their input or output.
   */
  public List<ExecutionSummary> search(ExecutionQuery query) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    if (query.stateMachineArn() != null) {
      bool.filter(f -> f.term(t -> t.field("stateMachineArn").value(query.stateMachineArn())));
    }
    if (query.status() != null) {
      bool.filter(f -> f.term(t -> t.field("status").value(query.status())));
    }
    if (query.startedFromMillis() != null || query.startedToMillis() != null) {
      bool.filter(f -> f.range(r -> r.untyped(u -> startRange(u, query))));
    }
    if (query.namePrefix() != null) {
      bool.filter(f -> f.prefix(p -> p.field("name").value(query.namePrefix())));
    }
    if (query.text() != null) {
      bool.must(
          m ->
              m.multiMatch(
                  mm -> mm.query(query.text()).fields("input", "output").operator(Operator.And)));
    }
    Query built = Query.of(q -> q.bool(bool.build()));
    SearchResponse<ObjectNode> found =
        call(
            "search executions",
            () ->
                client.search(
                    s ->
                        s.index(options.executions())
                            .query(built)
                            .source(c -> c.filter(f -> f.excludes("checkpoint", "pendingEvents")))
                            .sort(o -> o.field(f -> f.field("startMillis").order(SortOrder.Desc)))
                            .size(query.limit()),
                    ObjectNode.class));
    return found.hits().hits().stream().map(hit -> Documents.summary(hit.source())).toList();
  }

  private static co.elastic.clients.elasticsearch._types.query_dsl.UntypedRangeQuery.Builder
      startRange(
          co.elastic.clients.elasticsearch._types.query_dsl.UntypedRangeQuery.Builder range,
          ExecutionQuery query) {
    range.field("startMillis");
    if (query.startedFromMillis() != null) {
      range.gte(JsonData.of(query.startedFromMillis()));
    }
    if (query.startedToMillis() != null) {
      range.lt(JsonData.of(query.startedToMillis()));
    }
    return range;
  }

  /** Makes recent writes visible to searches now; for tests and tools, not for the hot path. */
  public void refresh() {
    call(
        "refresh",
        () ->
            client
                .indices()
                .refresh(r -> r.index(options.executions(), options.history(), options.timers())));
  }

  @Override
  public void close() {
    connection.close();
  }

  /**
   * Every request but the two conditional writes whose outcome a caller must learn at once (create
   * and commit) waits out a cluster that is restarting or briefly away, so workers slow down
   * instead of failing each step; past {@link #PATIENCE_MILLIS} the failure goes to the caller. A
   * timer claim sent twice at worst loses to itself, and that timer falls due again after its
   * lease.
   */
  private <T> T call(String what, ElasticsearchConnection.Call<T> call) {
    return connection.patiently(what, call, PATIENCE_MILLIS);
  }

  /** The HTTP status of a failed request, or -1 when no answer came. */
  static int status(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException refused) {
        return refused.status();
      }
      if (t instanceof TransportException answered) {
        return answered.statusCode();
      }
      if (t instanceof ResponseException answered) {
        return answered.getResponse().getStatusLine().getStatusCode();
      }
    }
    return -1;
  }

  static ElasticsearchStoreException failure(String what, Exception e) {
    int status = status(e);
    if (status < 0) {
      return new ElasticsearchStoreException(
          "Elasticsearch could not be reached to " + what + ": " + e, e, true);
    }
    boolean isTransient = status == 429 || status >= 500;
    return new ElasticsearchStoreException(
        "Elasticsearch refused to " + what + " (HTTP " + status + "): " + e.getMessage(),
        e,
        isTransient);
  }
}
