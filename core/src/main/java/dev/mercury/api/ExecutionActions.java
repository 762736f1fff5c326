package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.Transition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * StartExecution, StartSyncExecution, DescribeExecution, DescribeStateMachineForExecution,
 * ListExecutions, GetExecutionHistory, StopExecution.
 */
final class ExecutionActions {
  /** An EXPRESS execution runs for at most five minutes. */
  private static final long SYNC_LIMIT_MILLIS = 5 * 60 * 1000;

  private static final int PARSED_LIMIT = 1024;

  private static final Set<String> STATUSES =
      Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

  private final CheckpointStore executions;
  private final ResourceStore resources;
  private final Engine engine;
  private final Targets targets;
  private final MockCases mocks;
  private final Map<String, CompletableFuture<Checkpoint>> awaited = new ConcurrentHashMap<>();
  private final Map<String, StateMachine> parsed = new ConcurrentHashMap<>();
  private final Clock clock;

  ExecutionActions(StepFunctionsApi.Parts parts) {
    this.executions = parts.executions();
    this.resources = parts.resources();
    this.engine = parts.engine();
    this.targets = parts.targets();
    this.mocks = parts.mocks();
    this.clock = parts.options().clock();
    engine.onEnd(
        ended -> {
          CompletableFuture<Checkpoint> waiting = awaited.remove(ended.executionArn);
          if (waiting != null) {
            waiting.complete(ended);
          }
        });
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("StartExecution", this::start);
    actions.put("StartSyncExecution", this::startSync);
    actions.put("DescribeExecution", this::describe);
    actions.put("DescribeStateMachineForExecution", this::machineFor);
    actions.put("ListExecutions", this::list);
    actions.put("GetExecutionHistory", this::history);
    actions.put("StopExecution", this::stop);
  }

  private ObjectNode start(JsonNode request) {
    Checkpoint started = startExecution(request, false);
    ObjectNode response = Json.object();
    response.put("executionArn", started.executionArn);
    response.put("startDate", Requests.seconds(started.startMillis));
    return response;
  }

  /**
   * Starts what the request names. A state machine ARN may end in {@code #TestCase} to run the
   * execution on that test case of the server's mock configuration, as Step Functions Local does.
   */
  private Checkpoint startExecution(JsonNode request, boolean sync) {
    String named = Requests.bounded(request, "stateMachineArn", 1, 256, true);
    int hash = named.indexOf('#');
    String testCase = hash < 0 ? null : named.substring(hash + 1);
    Target target = targets.resolve(hash < 0 ? named : named.substring(0, hash));
    if (sync && !target.isExpress()) {
      throw new ApiException(
          "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
    String name = Requests.name(request, "name", false);
    name = name == null ? UUID.randomUUID().toString() : name;
    String input = Requests.jsonText(request, "input", "InvalidExecutionInput", "execution input");
    String arn = Arns.execution(target.stateMachineArn(), name);
    boolean remembers =
        target.versionArn() != null || target.aliasArn() != null || testCase != null;
    if (remembers && executions.read(arn) != null) {
      return repeated(arn, input, sync);
    }
    remember(arn, target, testCase);
    if (sync) {
      awaited.put(arn, new CompletableFuture<>());
    }
    Checkpoint execution =
        Transition.newExecution(
            parsed(target.definition()), target.stateMachineArn(), name, input, clock.millis());
    try {
      return engine.start(execution);
    } catch (CheckpointStore.ConflictException e) {
      awaited.remove(arn);
      return repeated(arn, input, sync);
    }
  }

  /**
   * A start whose execution exists: AWS treats a repeated start with the same name and input, while
   * the execution runs, as the same request; anything else is a conflict.
   */
  private Checkpoint repeated(String arn, String input, boolean sync) {
    Checkpoint existing = executions.read(arn);
    if (existing != null
        && existing.isRunning()
        && Json.write(existing.input).equals(input)
        && !sync) {
      return existing;
    }
    throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  /** Definitions are parsed once: a parsed state machine is immutable and may be shared. */
  private StateMachine parsed(String definition) {
    if (parsed.size() > PARSED_LIMIT) {
      parsed.clear();
    }
    return parsed.computeIfAbsent(definition, DefinitionParser::parse);
  }

  /** What DescribeExecution shows beyond the checkpoint, and the mock test case; kept if any. */
  private void remember(String executionArn, Target target, String testCase) {
    if (testCase != null) {
      mocks.select(executionArn, target.machine().name(), testCase);
    }
    if (target.versionArn() == null && target.aliasArn() == null && testCase == null) {
      return;
    }
    ObjectNode document = Json.object();
    document.put("stateMachineVersionArn", target.versionArn());
    document.put("stateMachineAliasArn", target.aliasArn());
    document.put("testCase", testCase);
    resources.put(new Resource(executionArn, MockCases.EXECUTION_KIND, 0, document));
  }

  /**
   * Runs an EXPRESS execution and answers when it ends, waiting on this request's thread (the
   * engine completes the wait when it commits the end). An execution still running after five
   * minutes, EXPRESS's limit, is stopped with States.Timeout.
   */
  private ObjectNode startSync(JsonNode request) {
    Checkpoint started = startExecution(request, true);
    Checkpoint ended = awaitEnd(started.executionArn);
    ObjectNode response = describe(ended);
    response.remove("redriveCount");
    response.remove("redriveStatus");
    response.remove("redriveStatusReason");
    ObjectNode billing = response.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    long duration = Math.max(ended.stopMillis - ended.startMillis, 1);
    billing.put("billedDurationInMilliseconds", (duration + 99) / 100 * 100);
    return response;
  }

  private Checkpoint awaitEnd(String executionArn) {
    CompletableFuture<Checkpoint> waiting = awaited.get(executionArn);
    Checkpoint current = executions.read(executionArn);
    if (waiting == null || !current.isRunning()) {
      awaited.remove(executionArn);
      return current;
    }
    try {
      return waiting.get(SYNC_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      engine.submit(
          new StepMessage(
              executionArn,
              StepMessage.EXECUTION,
              0,
              new StepMessage.Stop("States.Timeout", "The EXPRESS execution ran for 5 minutes")));
      return waiting.orTimeout(10, TimeUnit.SECONDS).join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("InternalServerError", "interrupted while waiting for the execution");
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for " + executionArn + " failed", e.getCause());
    }
  }

  private Checkpoint existing(JsonNode request) {
    String arn = Requests.bounded(request, "executionArn", 1, 256, true);
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    Checkpoint checkpoint = executions.read(arn);
    if (checkpoint == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return checkpoint;
  }

  private ObjectNode describe(JsonNode request) {
    Checkpoint execution = existing(request);
    ObjectNode response = describe(execution);
    Resource remembered = resources.get(execution.executionArn);
    if (remembered != null) {
      copyText(remembered.document(), response, "stateMachineVersionArn");
      copyText(remembered.document(), response, "stateMachineAliasArn");
    }
    return response;
  }

  private static void copyText(ObjectNode from, ObjectNode to, String field) {
    if (from.hasNonNull(field)) {
      to.put(field, from.get(field).asText());
    }
  }

  static ObjectNode describe(Checkpoint execution) {
    ObjectNode response = summary(execution);
    response.put("input", Json.write(execution.input));
    response.putObject("inputDetails").put("included", true);
    if (execution.output != null) {
      response.put("output", Json.write(execution.output));
      response.putObject("outputDetails").put("included", true);
    }
    if (execution.error != null) {
      response.put("error", execution.error);
    }
    if (execution.cause != null) {
      response.put("cause", execution.cause);
    }
    Redrives.describe(execution, response);
    return response;
  }

  private static ObjectNode summary(Checkpoint execution) {
    ObjectNode item = Json.object();
    item.put("executionArn", execution.executionArn);
    item.put("stateMachineArn", execution.stateMachineArn);
    item.put("name", execution.name);
    item.put("status", execution.status.name());
    item.put("startDate", Requests.seconds(execution.startMillis));
    if (!execution.isRunning()) {
      item.put("stopDate", Requests.seconds(execution.stopMillis));
    }
    return item;
  }

  private ObjectNode machineFor(JsonNode request) {
    Checkpoint execution = existing(request);
    ObjectNode response = StateMachineActions.describe(targets.existing(execution.stateMachineArn));
    // The definition the execution ran, which an update since may have replaced.
    response.put("definition", Json.write(execution.machine.definition()));
    Resource remembered = resources.get(execution.executionArn);
    if (remembered != null) {
      copyText(remembered.document(), response, "stateMachineVersionArn");
      copyText(remembered.document(), response, "stateMachineAliasArn");
    }
    return response;
  }

  /**
   * ListExecutions of a state machine, or of one of its versions or aliases: those are the
   * executions started through that version or alias.
   */
  private ObjectNode list(JsonNode request) {
    String named = Requests.bounded(request, "stateMachineArn", 1, 256, true);
    String qualifier = Targets.qualifier(named);
    String machineArn = qualifier == null ? named : Targets.unqualified(named);
    targets.existing(machineArn);
    String field =
        qualifier == null
            ? null
            : Targets.isVersionNumber(qualifier)
                ? "stateMachineVersionArn"
                : "stateMachineAliasArn";
    String status = Requests.optional(request, "statusFilter");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + status
              + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value"
              + " set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
    }
    String redrive = Requests.optional(request, "redriveFilter");
    if (redrive != null && !redrive.equals("REDRIVEN") && !redrive.equals("NOT_REDRIVEN")) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + redrive
              + "' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value"
              + " set: [REDRIVEN, NOT_REDRIVEN]");
    }
    // Every execution of the machine is read and then filtered and paged here; no store is asked
    // to filter by status or to page yet.
    List<Checkpoint> matching =
        executions.executions(machineArn, Integer.MAX_VALUE, 0).stream()
            .filter(c -> status == null || c.status.name().equals(status))
            .filter(c -> redrive == null || (c.redriveCount > 0) == redrive.equals("REDRIVEN"))
            .filter(c -> field == null || startedThrough(c.executionArn, field, named))
            .toList();
    return Requests.page(request, "executions", matching, ExecutionActions::listed);
  }

  private boolean startedThrough(String executionArn, String field, String arn) {
    Resource remembered = resources.get(executionArn);
    return remembered != null && arn.equals(remembered.document().path(field).asText(null));
  }

  private static ObjectNode listed(Checkpoint execution) {
    ObjectNode item = summary(execution);
    if (execution.redriveCount > 0) {
      item.put("redriveCount", execution.redriveCount);
      item.put("redriveDate", Requests.seconds(execution.redriveMillis));
    }
    return item;
  }

  private ObjectNode history(JsonNode request) {
    Checkpoint execution = existing(request);
    List<HistoryEvent> events = new ArrayList<>(executions.history(execution.executionArn));
    if (request.path("reverseOrder").asBoolean(false)) {
      Collections.reverse(events);
    }
    boolean withData = request.path("includeExecutionData").asBoolean(true);
    return Requests.page(request, "events", events, e -> HistoryJson.event(e, withData));
  }

  private ObjectNode stop(JsonNode request) {
    Checkpoint execution = existing(request);
    String error = Requests.bounded(request, "error", 0, 256, false);
    String cause = Requests.bounded(request, "cause", 0, 32768, false);
    if (execution.isRunning()) {
      engine.submit(
          new StepMessage(
              execution.executionArn,
              StepMessage.EXECUTION,
              0,
              new StepMessage.Stop(error, cause)));
    }
    ObjectNode response = Json.object();
    response.put(
        "stopDate",
        Requests.seconds(execution.isRunning() ? engine.clock().millis() : execution.stopMillis));
    return response;
  }
}
