package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.path.EvaluationContext;
import java.time.Instant;
import java.time.LocalDateTime;
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
    // A probe may change the parts it is given, so it gets parts of its own.
    boolean watched = turn.probe != Probe.NONE;
    ObjectNode context = Json.object();
    context.set("Execution", watched ? execution(checkpoint) : sharedExecution(checkpoint));
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", timestamp(flow.enteredMillis));
    state.put("Name", flow.state);
    if (turn.state(flow) instanceof Recoverable) {
      state.put("RetryCount", flow.retryCount);
    }
    if (flow.taskToken != null) {
      context.putObject("Task").put("Token", flow.taskToken);
    }
    context.set(
        "StateMachine", watched ? stateMachine(checkpoint) : sharedStateMachine(checkpoint));
    if (mapItem != null) {
      context.putObject("Map").set("Item", mapItem);
    }
    return turn.probe.context(context);
  }

  private static ObjectNode execution(Checkpoint checkpoint) {
    ObjectNode execution = Json.object();
    execution.put("Id", checkpoint.executionArn);
    execution.set("Input", checkpoint.input);
    execution.put("Name", checkpoint.name);
    execution.put("RoleArn", Arns.roleFor(checkpoint.stateMachineArn));
    execution.put("StartTime", timestamp(checkpoint.startMillis));
    execution.put("RedriveCount", checkpoint.redriveCount);
    if (checkpoint.redriveCount > 0) {
      execution.put("RedriveTime", timestamp(checkpoint.redriveMillis));
    }
    return execution;
  }

  private static ObjectNode stateMachine(Checkpoint checkpoint) {
    ObjectNode machine = Json.object();
    machine.put("Id", checkpoint.stateMachineArn);
    machine.put("Name", Arns.lastPart(checkpoint.stateMachineArn));
    return machine;
  }

  /**
   * The execution's part, built once per run of the execution (a redrive changes it): every context
   * object of a Map's iterations would otherwise build it again. Shared, so never changed.
   */
  private static ObjectNode sharedExecution(Checkpoint checkpoint) {
    ContextParts parts = checkpoint.contextParts;
    if (parts == null || parts.redriveCount() != checkpoint.redriveCount) {
      parts =
          new ContextParts(
              checkpoint.redriveCount, execution(checkpoint), stateMachine(checkpoint));
      checkpoint.contextParts = parts;
    }
    return parts.execution();
  }

  private static ObjectNode sharedStateMachine(Checkpoint checkpoint) {
    sharedExecution(checkpoint);
    return checkpoint.contextParts.stateMachine();
  }

  /** The parts of the context object that stay the same for a run of an execution. */
  record ContextParts(int redriveCount, ObjectNode execution, ObjectNode stateMachine) {}

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

  /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, written by hand: the formatter is slow. */
  static String timestamp(long millis) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(millis, 1000L),
            (int) Math.floorMod(millis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return ISO.format(Instant.ofEpochMilli(millis));
    }
    char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(text, 0, 4, time.getYear());
    digits(text, 5, 2, time.getMonthValue());
    digits(text, 8, 2, time.getDayOfMonth());
    digits(text, 11, 2, time.getHour());
    digits(text, 14, 2, time.getMinute());
    digits(text, 17, 2, time.getSecond());
    digits(text, 20, 3, time.getNano() / 1_000_000);
    return new String(text);
  }

  private static void digits(char[] text, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static ObjectNode mapItem(int index, JsonNode value) {
    ObjectNode item = Json.object();
    item.put("Index", index);
    item.set("Value", value);
    return item;
  }
}
