package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Flow;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.TaskToken;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The callback side of Tasks: SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat answer a Task
 * by its token; GetActivityTask hands activity tasks to workers, waiting up to a minute for one.
 *
 * <p>A token is checked against the execution's checkpoint before its message is queued, so the
 * caller hears at once that it is unknown or stale. The transition checks it again when the message
 * arrives, since the Task may end in between; that late callback then changes nothing.
 */
final class TaskActions {
  private static final int CAUSE_LIMIT = 32768;
  private static final int ERROR_LIMIT = 256;

  private final CheckpointStore executions;
  private final Engine engine;
  private final ActivityActions activityActions;
  private final ActivityQueues queues;
  private final Duration pollLimit;

  TaskActions(
      CheckpointStore executions,
      Engine engine,
      ActivityActions activityActions,
      ActivityQueues queues,
      Duration pollLimit) {
    this.executions = executions;
    this.engine = engine;
    this.activityActions = activityActions;
    this.queues = queues;
    this.pollLimit = pollLimit;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("SendTaskSuccess", this::success);
    actions.put("SendTaskFailure", this::failure);
    actions.put("SendTaskHeartbeat", this::heartbeat);
    actions.put("GetActivityTask", this::getActivityTask);
  }

  private ObjectNode success(JsonNode request) {
    String token = token(request);
    Requests.required(request, "output");
    JsonNode output =
        Json.parseTrusted(Requests.jsonText(request, "output", "InvalidOutput", "output"));
    TaskToken.Address address = waiting(token);
    send(address, new StepMessage.TaskCallback(token, StepMessage.TaskResult.success(output)));
    return Json.object();
  }

  private ObjectNode failure(JsonNode request) {
    String token = token(request);
    String error = Requests.bounded(request, "error", 0, ERROR_LIMIT, false);
    String cause = Requests.bounded(request, "cause", 0, CAUSE_LIMIT, false);
    TaskToken.Address address = waiting(token);
    // A Task failed without an error name still needs one for Retry and Catch to compare;
    // the empty name matches only States.ALL and States.TaskFailed.
    StepMessage.TaskResult result =
        StepMessage.TaskResult.failure(error == null ? "" : error, cause);
    send(address, new StepMessage.TaskCallback(token, result));
    return Json.object();
  }

  private ObjectNode heartbeat(JsonNode request) {
    String token = token(request);
    send(waiting(token), new StepMessage.TaskHeartbeat(token));
    return Json.object();
  }

  private void send(TaskToken.Address address, StepMessage.Step step) {
    engine.submit(new StepMessage(address.executionArn(), address.flowId(), address.seq(), step));
  }

  private static String token(JsonNode request) {
    return Requests.bounded(request, "taskToken", 1, 2048, true);
  }

  /**
   * The address of the Task waiting on {@code token}. A token Mercury did not issue is invalid; one
   * whose execution is gone names a task that does not exist; one whose Task has ended (answered,
   * timed out, stopped) has timed out, as AWS says of closed tasks.
   */
  private TaskToken.Address waiting(String token) {
    TaskToken.Address address =
        TaskToken.decode(token)
            .orElseThrow(() -> new ApiException("InvalidToken", "Invalid Token: 'Invalid token'"));
    Checkpoint execution = executions.read(address.executionArn());
    if (execution == null) {
      throw new ApiException(
          "TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
    }
    Flow flow = execution.flows.get(address.flowId());
    if (flow != null && token.equals(flow.taskToken)) {
      return address;
    }
    if (flow != null && flow.taskToken != null && flow.seq == address.seq()) {
      throw new ApiException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    throw new ApiException(
        "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }

  /**
   * Long polls for a task of the activity: answers at once when one is queued, otherwise waits on
   * this request's thread for up to the poll limit (60 s, as AWS) and answers with no token when
   * none came. A task whose Task state stopped waiting meanwhile is dropped and the poll goes on.
   */
  private ObjectNode getActivityTask(JsonNode request) {
    String activityArn = Requests.bounded(request, "activityArn", 1, 256, true);
    activityActions.existing(activityArn);
    String workerName = Requests.bounded(request, "workerName", 0, 80, false);
    long deadline = System.nanoTime() + pollLimit.toNanos();
    ActivityQueues.ActivityTask task;
    while ((task = next(activityArn, deadline)) != null) {
      if (isWaiting(task.token())) {
        send(
            TaskToken.decode(task.token()).orElseThrow(),
            new StepMessage.ActivityStarted(task.token(), workerName));
        ObjectNode response = Json.object();
        response.put("taskToken", task.token());
        response.put("input", task.input());
        return response;
      }
    }
    return Json.object();
  }

  private ActivityQueues.ActivityTask next(String activityArn, long deadline) {
    CompletableFuture<ActivityQueues.ActivityTask> waiting = queues.poll(activityArn);
    try {
      return waiting.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (waiting.cancel(false)) {
        queues.abandon(activityArn, waiting);
        return null;
      }
      return waiting.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.cancel(false);
      queues.abandon(activityArn, waiting);
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("an activity poll failed", e.getCause());
    }
  }

  private boolean isWaiting(String token) {
    try {
      waiting(token);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }
}
