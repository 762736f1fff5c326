package dev.mercury.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.StateMachineStore;
import dev.mercury.port.StateMachineStore.StoredStateMachine;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, history, stop. */
final class ExecutionActions {
  private static final long SYNC_LIMIT_MILLIS = 5 * 60 * 1000;

  private final StateMachineStore machines;
  private final CheckpointStore executions;
  private final Engine engine;

  ExecutionActions(StateMachineStore machines, CheckpointStore executions, Engine engine) {
    this.machines = machines;
    this.executions = executions;
    this.engine = engine;
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
    Checkpoint started = startExecution(request);
    ObjectNode response = Json.object();
    response.put("executionArn", started.executionArn);
    response.put("startDate", Requests.seconds(started.startMillis));
    return response;
  }

  private Checkpoint startExecution(JsonNode request) {
    String machineArn = Requests.required(request, "stateMachineArn");
    StoredStateMachine machine = new StateMachineActions(machines).existing(machineArn);
    String name = Requests.optional(request, "name");
    name = name == null ? UUID.randomUUID().toString() : Names.check(name, "name");
    String input = input(Requests.optional(request, "input"));
    Checkpoint existing = executions.read(Arns.execution(machineArn, name));
    if (existing != null) {
      // AWS treats a repeated start with the same name and input as the same request.
      if (existing.isRunning() && Json.write(existing.input).equals(input)) {
        return existing;
      }
      throw new ApiException(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + existing.executionArn + "'");
    }
    return engine.start(DefinitionParser.parse(machine.definition()), machineArn, name, input);
  }

  /** AWS's limit on an execution's input, in UTF-8 bytes. */
  private static final int INPUT_LIMIT_BYTES = 256 * 1024;

  private static String input(String text) {
    if (text == null) {
      return "{}";
    }
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > INPUT_LIMIT_BYTES) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'input' failed to satisfy constraint: Member"
              + " must have length less than or equal to 262144");
    }
    try {
      return Json.write(Json.parse(text));
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "InvalidExecutionInput", "Invalid execution input: " + e.getOriginalMessage());
    }
  }

  private ObjectNode startSync(JsonNode request) {
    Checkpoint started = startExecution(request);
    long deadline = System.currentTimeMillis() + SYNC_LIMIT_MILLIS;
    Checkpoint current = started;
    while (current.isRunning() && System.currentTimeMillis() < deadline) {
      sleepBriefly();
      current = executions.read(started.executionArn);
    }
    return describe(current);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("InternalServerError", "interrupted while waiting for the execution");
    }
  }

  private Checkpoint existing(JsonNode request) {
    String arn = Requests.required(request, "executionArn");
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
    return describe(existing(request));
  }

  private static ObjectNode describe(Checkpoint execution) {
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
    return StateMachineActions.describe(
        new StateMachineActions(machines).existing(execution.stateMachineArn));
  }

  private ObjectNode list(JsonNode request) {
    String machineArn = Requests.required(request, "stateMachineArn");
    new StateMachineActions(machines).existing(machineArn);
    String status = Requests.optional(request, "statusFilter");
    int max = Requests.maxResults(request);
    int offset = Requests.offset(request);
    List<Checkpoint> all = executions.executions(machineArn, Integer.MAX_VALUE, 0);
    List<Checkpoint> matching =
        status == null ? all : all.stream().filter(c -> c.status.name().equals(status)).toList();
    ObjectNode response = Json.object();
    ArrayNode page = response.putArray("executions");
    for (int i = offset; i < Math.min(offset + max, matching.size()); i++) {
      page.add(summary(matching.get(i)));
    }
    if (offset + max < matching.size()) {
      response.put("nextToken", Integer.toString(offset + max));
    }
    return response;
  }

  private ObjectNode history(JsonNode request) {
    Checkpoint execution = existing(request);
    List<HistoryEvent> events = new ArrayList<>(executions.history(execution.executionArn));
    if (request.path("reverseOrder").asBoolean(false)) {
      Collections.reverse(events);
    }
    boolean withData = request.path("includeExecutionData").asBoolean(true);
    int max = Requests.maxResults(request);
    int offset = Requests.offset(request);
    ObjectNode response = Json.object();
    ArrayNode page = response.putArray("events");
    for (int i = offset; i < Math.min(offset + max, events.size()); i++) {
      page.add(HistoryJson.event(events.get(i), withData));
    }
    if (offset + max < events.size()) {
      response.put("nextToken", Integer.toString(offset + max));
    }
    return response;
  }

  private ObjectNode stop(JsonNode request) {
    Checkpoint execution = existing(request);
    if (execution.isRunning()) {
      engine.submit(
          new StepMessage(
              execution.executionArn,
              StepMessage.EXECUTION,
              0,
              new StepMessage.Stop(
                  Requests.optional(request, "error"), Requests.optional(request, "cause"))));
    }
    ObjectNode response = Json.object();
    response.put("stopDate", Requests.seconds(System.currentTimeMillis()));
    return response;
  }
}
