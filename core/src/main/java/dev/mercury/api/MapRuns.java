package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Flow;
import dev.mercury.transition.Fork;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun. Each run of a distributed Map state is a Map Run,
 * as in AWS (see {@code Fan}); an inline Map has none, Label or not, as in AWS. A run's status and
 * item counts are read from the execution's history: MapRunStarted, the MapIteration events that
 * follow it for that Map state, and MapRunSucceeded or MapRunFailed; a run that never ended in an
 * execution that did was aborted. Its settings are the running Map's while it runs, and the last
 * UpdateMapRun's after.
 *
 * <p>What Mercury does not show: iterations run as flows of the execution, not as child executions,
 * so {@code executionCounts} repeat {@code itemCounts}; nothing is written by a ResultWriter, so
 * {@code resultsWritten} is 0.
 */
final class MapRuns {
  private static final String KIND = "mapRun";

  private final CheckpointStore executions;
  private final ResourceStore resources;
  private final Engine engine;

  MapRuns(CheckpointStore executions, ResourceStore resources, Engine engine) {
    this.executions = executions;
    this.resources = resources;
    this.engine = engine;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("ListMapRuns", this::list);
    actions.put("DescribeMapRun", this::describe);
    actions.put("UpdateMapRun", this::update);
  }

  private ObjectNode list(JsonNode request) {
    Checkpoint execution = execution(Requests.required(request, "executionArn"));
    List<Run> runs = runs(execution);
    return Requests.page(
        request,
        "mapRuns",
        runs,
        run -> {
          ObjectNode item = Json.object();
          item.put("executionArn", execution.executionArn);
          item.put("mapRunArn", run.arn);
          item.put("stateMachineArn", execution.stateMachineArn);
          item.put("startDate", Requests.seconds(run.startMillis));
          if (run.stopMillis > 0) {
            item.put("stopDate", Requests.seconds(run.stopMillis));
          }
          return item;
        });
  }

  private ObjectNode describe(JsonNode request) {
    String arn = Requests.required(request, "mapRunArn");
    Checkpoint execution = executionOf(arn);
    Run run =
        runs(execution).stream()
            .filter(r -> r.arn.equals(arn))
            .findFirst()
            .orElseThrow(() -> notFound(arn));
    ObjectNode response = Json.object();
    response.put("mapRunArn", arn);
    response.put("executionArn", execution.executionArn);
    response.put("status", run.status);
    response.put("startDate", Requests.seconds(run.startMillis));
    if (run.stopMillis > 0) {
      response.put("stopDate", Requests.seconds(run.stopMillis));
    }
    settings(execution, arn, response);
    ObjectNode counts = counts(run);
    response.set("itemCounts", counts);
    response.set("executionCounts", counts.deepCopy());
    response.put("redriveCount", 0);
    return response;
  }

  /** The live Map's settings while it runs; otherwise those the last UpdateMapRun gave. */
  private void settings(Checkpoint execution, String arn, ObjectNode response) {
    Fork fork = liveFork(execution, arn);
    Resource updated = resources.get(arn);
    if (fork != null) {
      response.put("maxConcurrency", fork.maxConcurrency);
      response.put("toleratedFailureCount", Math.max(0, fork.toleratedFailureCount));
      response.put("toleratedFailurePercentage", Math.max(0, fork.toleratedFailurePercentage));
    } else if (updated != null) {
      response.setAll(updated.document());
    } else {
      response.put("maxConcurrency", 0);
      response.put("toleratedFailureCount", 0);
      response.put("toleratedFailurePercentage", 0.0);
    }
  }

  private static ObjectNode counts(Run run) {
    ObjectNode counts = Json.object();
    long running = run.started - run.succeeded - run.failed - run.aborted;
    counts.put("pending", Math.max(0, run.total - run.started));
    counts.put("running", run.status.equals("RUNNING") ? running : 0);
    counts.put("succeeded", run.succeeded);
    counts.put("failed", run.failed);
    counts.put("timedOut", 0);
    counts.put("aborted", run.aborted + (run.status.equals("RUNNING") ? 0 : running));
    counts.put("total", run.total);
    counts.put("resultsWritten", 0);
    counts.put("failuresNotRedrivable", 0);
    counts.put("pendingRedrive", 0);
    return counts;
  }

  private ObjectNode update(JsonNode request) {
    String arn = Requests.required(request, "mapRunArn");
    Checkpoint execution = executionOf(arn);
    Integer concurrency = intField(request, "maxConcurrency", 0, Integer.MAX_VALUE);
    Integer count = intField(request, "toleratedFailureCount", 0, Integer.MAX_VALUE);
    Double percentage = null;
    if (request.hasNonNull("toleratedFailurePercentage")) {
      percentage = request.get("toleratedFailurePercentage").asDouble();
      if (percentage < 0 || percentage > 100) {
        throw ApiException.validation("toleratedFailurePercentage must be between 0 and 100");
      }
    }
    if (runs(execution).stream().noneMatch(r -> r.arn.equals(arn))) {
      throw notFound(arn);
    }
    ObjectNode document = Json.object();
    Resource previous = resources.get(arn);
    if (previous != null) {
      document.setAll(previous.document());
    }
    putIfGiven(document, "maxConcurrency", concurrency);
    putIfGiven(document, "toleratedFailureCount", count);
    if (percentage != null) {
      document.put("toleratedFailurePercentage", percentage);
    }
    resources.put(new Resource(arn, KIND, engine.clock().millis(), document));
    engine.submit(
        new StepMessage(
            execution.executionArn,
            Arns.flowOfMapRun(arn),
            0,
            new StepMessage.MapRunUpdate(arn, concurrency, count, percentage)));
    return Json.object();
  }

  private static void putIfGiven(ObjectNode document, String field, Integer value) {
    if (value != null) {
      document.put(field, value);
    }
  }

  private static Integer intField(JsonNode request, String field, int min, int max) {
    if (!request.hasNonNull(field)) {
      return null;
    }
    JsonNode value = request.get(field);
    if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value.asText()
              + "' at '"
              + field
              + "' failed to satisfy constraint: Member must have value greater than or equal to "
              + min);
    }
    return value.asInt();
  }

  private static Fork liveFork(Checkpoint execution, String arn) {
    for (Flow flow : execution.flows.values()) {
      if (flow.fork != null && arn.equals(flow.fork.mapRunArn)) {
        return flow.fork;
      }
    }
    return null;
  }

  private Checkpoint executionOf(String mapRunArn) {
    String executionArn = Arns.executionOfMapRun(mapRunArn);
    Checkpoint execution = executionArn == null ? null : executions.read(executionArn);
    if (execution == null) {
      throw notFound(mapRunArn);
    }
    return execution;
  }

  private Checkpoint execution(String arn) {
    Checkpoint execution = executions.read(arn);
    if (execution == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  private static ApiException notFound(String arn) {
    return new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
  }

  /** One Map Run as its execution's history tells it. */
  private static final class Run {
    String arn;
    String mapName;
    String status = "RUNNING";
    long startMillis;
    long stopMillis;
    long total;
    long started;
    long succeeded;
    long failed;
    long aborted;
  }

  /**
   * The execution's Map Runs, oldest first. Each MapRunStarted follows its Map state's
   * MapStateStarted, which gives the state's name and the number of items; the iteration events of
   * that state count towards the run until it ends.
   */
  private List<Run> runs(Checkpoint execution) {
    List<Run> runs = new ArrayList<>();
    Map<String, Run> open = new HashMap<>();
    String lastMapName = null;
    long lastLength = 0;
    for (HistoryEvent event : executions.history(execution.executionArn)) {
      ObjectNode details = event.details();
      String name = details == null ? null : details.path("name").asText(null);
      switch (event.type()) {
        case "MapStateStarted" ->
            lastLength = details == null ? 0 : details.path("length").asLong();
        case "MapStateEntered" -> lastMapName = name;
        case "MapRunStarted" -> {
          Run run = new Run();
          run.arn = details.path("mapRunArn").asText();
          run.mapName = lastMapName;
          run.startMillis = event.timestampMillis();
          run.total = lastLength;
          runs.add(run);
          open.put(run.mapName, run);
        }
        case "MapIterationStarted" -> count(open.get(name), r -> r.started++);
        case "MapIterationSucceeded" -> count(open.get(name), r -> r.succeeded++);
        case "MapIterationFailed" -> count(open.get(name), r -> r.failed++);
        case "MapIterationAborted" -> count(open.get(name), r -> r.aborted++);
        case "MapRunSucceeded", "MapRunFailed" -> close(open, event);
        default -> {}
      }
    }
    for (Run run : open.values()) {
      if (!execution.isRunning()) {
        run.status = "ABORTED";
        run.stopMillis = execution.stopMillis;
      }
    }
    return runs;
  }

  private static void count(Run run, Consumer<Run> counter) {
    if (run != null) {
      counter.accept(run);
    }
  }

  /** The run-ending events carry no state name: they end the run most recently started. */
  private static void close(Map<String, Run> open, HistoryEvent event) {
    Run latest = null;
    for (Run run : open.values()) {
      if (latest == null || run.startMillis >= latest.startMillis) {
        latest = run;
      }
    }
    if (latest != null) {
      latest.status = event.type().equals("MapRunSucceeded") ? "SUCCEEDED" : "FAILED";
      latest.stopMillis = event.timestampMillis();
      open.remove(latest.mapName);
    }
  }
}
