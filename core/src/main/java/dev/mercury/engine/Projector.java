package dev.mercury.engine;

import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.Flow;
import dev.mercury.transition.StepMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds what an execution is waiting for from its checkpoint alone: used after a crash, on
 * another machine, and by the sweeper. A flow ready to enter a state gets its step again; a flow
 * waiting for a task gets the task invoked again with the same idempotency key, since its result
 * was not recorded (at least once, as AWS documents); timers are already stored.
 */
public final class Projector {
  private Projector() {}

  public static List<Dispatch> pendingWork(Checkpoint checkpoint) {
    List<Dispatch> work = new ArrayList<>();
    if (checkpoint == null || !checkpoint.isRunning()) {
      return work;
    }
    if (checkpoint.lastEventId == 0) {
      work.add(
          new Dispatch.Publish(
              new StepMessage(
                  checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start())));
      return work;
    }
    for (Flow flow : checkpoint.flows.values()) {
      switch (flow.phase) {
        case READY -> work.add(new Dispatch.Publish(advance(checkpoint, flow)));
        case AWAITING_TASK -> {
          if (flow.pendingTask != null) {
            work.add(new Dispatch.Invoke(flow.pendingTask));
          }
        }
        default -> {}
      }
    }
    return work;
  }

  private static StepMessage advance(Checkpoint checkpoint, Flow flow) {
    return new StepMessage(checkpoint.executionArn, flow.id, flow.seq, new StepMessage.Advance());
  }
}
