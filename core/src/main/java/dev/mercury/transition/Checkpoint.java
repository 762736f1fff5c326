package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.model.StateMachine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An execution's current state: where each of its flows is, their data, retry counts, open branches
 * and map iterations, and the version the store compares on write.
 *
 * <p>A transition mutates the checkpoint it is given; the store decides whether that object is
 * shared (the in-memory store of {@code mercury run}) or decoded afresh for every transition
 * (durable stores, through {@code CheckpointCodec}). Everything needed to continue lives in these
 * fields, never in the transition.
 */
public final class Checkpoint {
  public String executionArn;
  public String stateMachineArn;
  public String name;
  public StateMachine machine;
  public long version;
  public ExecutionStatus status = ExecutionStatus.RUNNING;
  public long startMillis;
  public long stopMillis;
  public JsonNode input;
  public JsonNode output;
  public String error;
  public String cause;
  public long lastEventId;
  public int nextFlowId;

  /**
   * The task token of the parent's {@code states:startExecution.sync} Task that started this
   * execution; its end is reported there. Null for an execution nobody waits on.
   */
  public String parentTaskToken;

  /** Whether that parent wants the output as JSON ({@code .sync:2}) rather than text. */
  public boolean parentWantsJson;

  /** How many times RedriveExecution restarted this execution, and when it last did. */
  public int redriveCount;

  public long redriveMillis;
  public final Map<Integer, Flow> flows = new LinkedHashMap<>();

  /** What every context object of this execution shares, built when first needed; not stored. */
  ContextObject.ContextParts contextParts;

  public boolean isRunning() {
    return status == ExecutionStatus.RUNNING;
  }

  /** Puts back a flow read from a stored checkpoint. */
  public Flow restoreFlow(int id, int parentId, int index) {
    Flow flow = new Flow(id, parentId, index);
    flows.put(id, flow);
    return flow;
  }

  public Flow newFlow(int parentId, int index) {
    Flow flow = new Flow(nextFlowId++, parentId, index);
    flows.put(flow.id, flow);
    return flow;
  }
}
