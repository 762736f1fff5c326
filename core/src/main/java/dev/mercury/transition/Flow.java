package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.JsonText;
import dev.mercury.language.model.Program;
import java.util.List;
import java.util.Map;

/**
 * One thread of control in an execution: the top level, a Parallel branch or a Map iteration. A
 * flow is in one state at a time; {@code seq} counts the messages it has taken, so a message
 * carrying an older seq is a repeat and is ignored.
 */
public final class Flow {
  public static final int NO_PARENT = -1;

  /** What the flow waits for. */
  public enum Phase {
    READY,
    AWAITING_TASK,
    AWAITING_TIMER,
    AWAITING_CHILDREN,
    AWAITING_RETRY
  }

  public final int id;
  public final int parentId;
  public final int index;

  /** The program the flow runs; see {@code StateMachine.program}. */
  public List<String> program = List.of();

  public String state;
  public JsonNode stateInput;

  /** {@link #stateInput} with its JSON text, once an event has shown it; not stored. */
  JsonText stateInputText;

  public long enteredEventId;
  public long enteredMillis;
  public long seq;
  public Phase phase = Phase.READY;
  public int[] retryAttempts = new int[0];
  public int retryCount;

  /** Variables this flow assigned; reads fall through to the parent flow. */
  public Map<String, JsonNode> variables;

  /**
   * The size of {@link #variables} as JSON text, or -1 when not yet measured; not part of the
   * checkpoint, measured again after it is read back.
   */
  transient long variableBytes = -1;

  /** The Map item this iteration runs on, for {@code $$.Map.Item.Value}. */
  public JsonNode item;

  public Fork fork;

  /** The call a flow in AWAITING_TASK waits for, kept so it can be made again after a crash. */
  public InvokeRequest pendingTask;

  /**
   * The token a Task waiting for a callback holds ({@code $$.Task.Token}); null for a Task that
   * takes its invoker's reply as its result.
   */
  public String taskToken;

  /** When the waiting Task's heartbeat runs out; 0 when no heartbeat runs. */
  public long heartbeatDueMillis;

  public int taskAttempt;
  public long lastEventId;

  /** The program {@link #program} named when it was last resolved, and that list; not stored. */
  Program resolvedProgram;

  List<String> resolvedKey;

  Flow(int id, int parentId, int index) {
    this.id = id;
    this.parentId = parentId;
    this.index = index;
  }

  public boolean isRoot() {
    return parentId == NO_PARENT;
  }
}
