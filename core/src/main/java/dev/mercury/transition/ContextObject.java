package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.path.EvaluationContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The context object ({@code $$}) of a flow in its current state. */
final class ContextObject {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ContextObject() {}

  /**
   * Builds the object. {@code mapItem} is set only while a Map state's ItemSelector runs, and holds
   * {@code Index} and {@code Value}.
   */
  static ObjectNode of(Turn turn, Flow flow, ObjectNode mapItem) {
    Checkpoint checkpoint = turn.checkpoint;
    ObjectNode context = Json.object();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", checkpoint.executionArn);
    execution.set("Input", checkpoint.input);
    execution.put("Name", checkpoint.name);
    execution.put("RoleArn", Arns.roleFor(checkpoint.stateMachineArn));
    execution.put("StartTime", timestamp(checkpoint.startMillis));
    execution.put("RedriveCount", checkpoint.redriveCount);
    if (checkpoint.redriveCount > 0) {
      execution.put("RedriveTime", timestamp(checkpoint.redriveMillis));
    }
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", timestamp(flow.enteredMillis));
    state.put("Name", flow.state);
    if (turn.state(flow) instanceof Recoverable) {
      state.put("RetryCount", flow.retryCount);
    }
    if (flow.taskToken != null) {
      context.putObject("Task").put("Token", flow.taskToken);
    }
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", checkpoint.stateMachineArn);
    machine.put("Name", Arns.lastPart(checkpoint.stateMachineArn));
    if (mapItem != null) {
      context.putObject("Map").set("Item", mapItem);
    }
    return turn.probe.context(context);
  }

  /**
   * Supplies the context object to paths: built when a path first asks for it, then that one object
   * for every other path of the same evaluation (Parameters and ItemSelector often read several).
   */
  static EvaluationContext.ContextSupplier lazy(Turn turn, Flow flow, ObjectNode mapItem) {
    return new Lazy(turn, flow, mapItem);
  }

  private static final class Lazy implements EvaluationContext.ContextSupplier {
    private final Turn turn;
    private final Flow flow;
    private final ObjectNode mapItem;
    private ObjectNode built;

    Lazy(Turn turn, Flow flow, ObjectNode mapItem) {
      this.turn = turn;
      this.flow = flow;
      this.mapItem = mapItem;
    }

    @Override
    public JsonNode get() {
      if (built == null) {
        built = of(turn, flow, mapItem);
      }
      return built;
    }
  }

  static String timestamp(long millis) {
    return ISO.format(Instant.ofEpochMilli(millis));
  }

  static ObjectNode mapItem(int index, JsonNode value) {
    ObjectNode item = Json.object();
    item.put("Index", index);
    item.set("Value", value);
    return item;
  }
}
