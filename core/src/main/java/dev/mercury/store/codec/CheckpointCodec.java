package dev.mercury.store.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.proto.ExecutionStatus;
import dev.mercury.proto.FlowPhase;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Flow;
import dev.mercury.transition.Fork;
import dev.mercury.transition.InvokeRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts checkpoints to and from their Protocol Buffers form, the form every durable store keeps.
 * JSON values travel as text; the definition travels with the checkpoint, and its parsed form is
 * cached by text so decoding does not parse it again on every transition, as its text is cached by
 * parsed form so encoding does not write it again.
 */
public final class CheckpointCodec {
  private final Map<String, StateMachine> parsed = new ConcurrentHashMap<>();
  private final DefinitionTexts texts = new DefinitionTexts();

  public byte[] encode(Checkpoint checkpoint) {
    return toProto(checkpoint).toByteArray();
  }

  public Checkpoint decode(byte[] bytes) {
    try {
      return fromProto(dev.mercury.proto.Checkpoint.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored checkpoint is not readable", e);
    }
  }

  public dev.mercury.proto.Checkpoint toProto(Checkpoint c) {
    var builder =
        dev.mercury.proto.Checkpoint.newBuilder()
            .setExecutionArn(c.executionArn)
            .setStateMachineArn(c.stateMachineArn)
            .setName(c.name)
            .setVersion(c.version)
            .setStatus(ExecutionStatus.valueOf(c.status.name()))
            .setStartMillis(c.startMillis)
            .setStopMillis(c.stopMillis)
            .setInputJson(Json.write(c.input))
            .setLastEventId(c.lastEventId)
            .setNextFlowId(c.nextFlowId)
            .setDefinitionJson(texts.of(c.machine));
    if (c.output != null) {
      builder.setOutputJson(Json.write(c.output));
    }
    if (c.error != null) {
      builder.setError(c.error);
    }
    if (c.cause != null) {
      builder.setCause(c.cause);
    }
    if (c.parentTaskToken != null) {
      builder.setParentTaskToken(c.parentTaskToken).setParentWantsJson(c.parentWantsJson);
    }
    builder.setRedriveCount(c.redriveCount).setRedriveMillis(c.redriveMillis);
    for (Flow flow : c.flows.values()) {
      builder.addFlows(flowToProto(flow));
    }
    return builder.build();
  }

  public Checkpoint fromProto(dev.mercury.proto.Checkpoint p) {
    Checkpoint c = new Checkpoint();
    c.executionArn = p.getExecutionArn();
    c.stateMachineArn = p.getStateMachineArn();
    c.name = p.getName();
    c.version = p.getVersion();
    c.status = dev.mercury.transition.ExecutionStatus.valueOf(p.getStatus().name());
    c.startMillis = p.getStartMillis();
    c.stopMillis = p.getStopMillis();
    c.input = Json.parseTrusted(p.getInputJson());
    c.output = p.getOutputJson().isEmpty() ? null : Json.parseTrusted(p.getOutputJson());
    c.error = p.getError().isEmpty() ? null : p.getError();
    c.cause = p.hasCause() ? p.getCause() : null;
    c.lastEventId = p.getLastEventId();
    c.nextFlowId = p.getNextFlowId();
    c.parentTaskToken = p.hasParentTaskToken() ? p.getParentTaskToken() : null;
    c.parentWantsJson = p.getParentWantsJson();
    c.redriveCount = p.getRedriveCount();
    c.redriveMillis = p.getRedriveMillis();
    c.machine = parsed.computeIfAbsent(p.getDefinitionJson(), this::parse);
    for (dev.mercury.proto.Flow flow : p.getFlowsList()) {
      Flow decoded = c.restoreFlow(flow.getId(), flow.getParentId(), flow.getIndex());
      flowFromProto(flow, decoded);
    }
    return c;
  }

  private StateMachine parse(String definition) {
    StateMachine machine = DefinitionParser.parse(definition);
    texts.remember(machine, definition);
    return machine;
  }

  private static dev.mercury.proto.Flow flowToProto(Flow f) {
    var builder =
        dev.mercury.proto.Flow.newBuilder()
            .setId(f.id)
            .setParentId(f.parentId)
            .setIndex(f.index)
            .addAllProgram(f.program)
            .setState(f.state)
            .setStateInputJson(Json.write(f.stateInput))
            .setEnteredEventId(f.enteredEventId)
            .setEnteredMillis(f.enteredMillis)
            .setSeq(f.seq)
            .setPhase(FlowPhase.valueOf(f.phase.name()))
            .setRetryCount(f.retryCount)
            .setTaskAttempt(f.taskAttempt)
            .setLastEventId(f.lastEventId)
            .setHeartbeatDueMillis(f.heartbeatDueMillis);
    if (f.taskToken != null) {
      builder.setTaskToken(f.taskToken);
    }
    for (int attempts : f.retryAttempts) {
      builder.addRetryAttempts(attempts);
    }
    if (f.variables != null) {
      f.variables.forEach((name, value) -> builder.putVariablesJson(name, Json.write(value)));
    }
    if (f.item != null) {
      builder.setItemJson(Json.write(f.item));
    }
    if (f.fork != null) {
      builder.setFork(forkToProto(f.fork));
    }
    if (f.pendingTask != null) {
      builder.setPendingTask(taskToProto(f.pendingTask));
    }
    return builder.build();
  }

  private static void flowFromProto(dev.mercury.proto.Flow p, Flow f) {
    f.program = p.getProgramList();
    f.state = p.getState();
    f.stateInput = Json.parseTrusted(p.getStateInputJson());
    f.enteredEventId = p.getEnteredEventId();
    f.enteredMillis = p.getEnteredMillis();
    f.seq = p.getSeq();
    f.phase = Flow.Phase.valueOf(p.getPhase().name());
    f.retryCount = p.getRetryCount();
    f.taskAttempt = p.getTaskAttempt();
    f.lastEventId = p.getLastEventId();
    f.taskToken = p.hasTaskToken() ? p.getTaskToken() : null;
    f.heartbeatDueMillis = p.getHeartbeatDueMillis();
    f.retryAttempts = p.getRetryAttemptsList().stream().mapToInt(Integer::intValue).toArray();
    if (p.getVariablesJsonCount() > 0) {
      f.variables = new HashMap<>();
      p.getVariablesJsonMap().forEach((k, v) -> f.variables.put(k, Json.parseTrusted(v)));
    }
    f.item = p.hasItemJson() ? Json.parseTrusted(p.getItemJson()) : null;
    f.fork = p.hasFork() ? forkFromProto(p.getFork()) : null;
    f.pendingTask = p.hasPendingTask() ? taskFromProto(p.getPendingTask()) : null;
  }

  static dev.mercury.proto.InvokeRequest taskToProto(InvokeRequest r) {
    return dev.mercury.proto.InvokeRequest.newBuilder()
        .setExecutionArn(r.executionArn())
        .setFlowId(r.flowId())
        .setSeq(r.seq())
        .setStateName(r.stateName())
        .setResource(r.resource())
        .setParametersJson(Json.write(r.parameters()))
        .setAttempt(r.attempt())
        .setTimeoutMillis(r.timeoutMillis())
        .setTaskToken(r.taskToken() == null ? "" : r.taskToken())
        .setIdempotencyKey(r.idempotencyKey())
        .build();
  }

  static InvokeRequest taskFromProto(dev.mercury.proto.InvokeRequest p) {
    return new InvokeRequest(
        p.getExecutionArn(),
        p.getFlowId(),
        p.getSeq(),
        p.getStateName(),
        p.getResource(),
        Json.parseTrusted(p.getParametersJson()),
        p.getAttempt(),
        p.getTimeoutMillis(),
        p.getTaskToken().isEmpty() ? null : p.getTaskToken(),
        p.getIdempotencyKey());
  }

  private static dev.mercury.proto.Fork forkToProto(Fork fork) {
    var builder =
        dev.mercury.proto.Fork.newBuilder()
            .setTotal(fork.total)
            .setLaunched(fork.launched)
            .setCompleted(fork.completed)
            .setFailed(fork.failed)
            .setMaxConcurrency(fork.maxConcurrency)
            .setToleratedFailureCount(fork.toleratedFailureCount)
            .setToleratedFailurePercentage(fork.toleratedFailurePercentage);
    for (JsonNode result : fork.results) {
      builder.addResults(
          result == null
              ? dev.mercury.proto.OptionalJson.getDefaultInstance()
              : dev.mercury.proto.OptionalJson.newBuilder().setJson(Json.write(result)).build());
    }
    if (fork.items != null) {
      builder.setItemsJson(Json.write(fork.items));
    }
    if (fork.selectorInput != null) {
      builder.setSelectorInputJson(Json.write(fork.selectorInput));
    }
    if (fork.mapRunArn != null) {
      builder.setMapRunArn(fork.mapRunArn);
    }
    return builder.build();
  }

  private static Fork forkFromProto(dev.mercury.proto.Fork p) {
    Fork fork = new Fork();
    fork.total = p.getTotal();
    fork.launched = p.getLaunched();
    fork.completed = p.getCompleted();
    fork.failed = p.getFailed();
    fork.maxConcurrency = p.getMaxConcurrency();
    fork.toleratedFailureCount = p.getToleratedFailureCount();
    fork.toleratedFailurePercentage = p.getToleratedFailurePercentage();
    fork.results = new JsonNode[fork.total];
    for (int i = 0; i < p.getResultsCount(); i++) {
      var result = p.getResults(i);
      fork.results[i] = result.hasJson() ? Json.parseTrusted(result.getJson()) : null;
    }
    fork.items = p.hasItemsJson() ? (ArrayNode) Json.parseTrusted(p.getItemsJson()) : null;
    fork.selectorInput =
        p.hasSelectorInputJson() ? Json.parseTrusted(p.getSelectorInputJson()) : null;
    fork.mapRunArn = p.hasMapRunArn() ? p.getMapRunArn() : null;
    return fork;
  }
}
