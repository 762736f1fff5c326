package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Invoker;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import dev.mercury.transition.Transition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The Task resources the Step Functions service answers itself, ahead of the configured invoker:
 *
 * <ul>
 *   <li>an activity ARN queues the task for GetActivityTask;
 *   <li>{@code arn:aws:states:::states:startExecution} starts a child execution in the same engine:
 *       fire and forget returns its ARN and start date; with {@code .sync} or {@code .sync:2} the
 *       child carries the parent's token and reports its end on it (see {@code Lifecycle}); with
 *       {@code .waitForTaskToken} the child, or whoever it passes the token to, answers with
 *       SendTaskSuccess;
 *   <li>a {@code .waitForTaskToken} resource with no invoker configured is scheduled without any
 *       call, and waits for SendTaskSuccess or SendTaskFailure on its token (which the client finds
 *       in the TaskScheduled event's parameters, or wherever the definition put {@code
 *       $$.Task.Token}). Every other resource without an invoker fails with States.Runtime, naming
 *       it.
 * </ul>
 *
 * A child's name, when the parameters give none, is derived from the Task attempt's idempotency
 * key, so that invoking the same attempt again after a restart finds the child it started.
 *
 * <p>What AWS does that Mercury does not yet: stopping a parent, or its {@code .sync} Task timing
 * out or being caught, does not stop the child, which runs on and reports to a Task that no longer
 * waits; a mock configuration does not reach children, which run their own Tasks.
 */
final class ServiceIntegrations implements Invoker {
  private static final String START_EXECUTION = "arn:aws:states:::states:startExecution";

  private final Targets targets;
  private final CheckpointStore executions;
  private final ActivityQueues activities;
  private final Invoker configured;
  private Engine engine;

  /** {@code configured} is the invoker for everything else, or null when there is none. */
  ServiceIntegrations(
      Targets targets, CheckpointStore executions, ActivityQueues activities, Invoker configured) {
    this.targets = targets;
    this.executions = executions;
    this.activities = activities;
    this.configured = configured;
  }

  /** The engine children start in; it is built with this invoker, so it comes second. */
  void attach(Engine engine) {
    this.engine = engine;
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    String resource = request.resource();
    if (Arns.isActivity(resource)) {
      activities.offer(
          new ActivityQueues.ActivityTask(
              resource, request.taskToken(), Json.write(request.parameters())));
      return CompletableFuture.completedFuture(TaskResult.nothingSubmitted());
    }
    if (resource.equals(START_EXECUTION) || resource.startsWith(START_EXECUTION + ".")) {
      return CompletableFuture.completedFuture(startChild(request));
    }
    if (configured == null) {
      return resource.endsWith(".waitForTaskToken")
          ? CompletableFuture.completedFuture(TaskResult.nothingSubmitted())
          : new NoInvoker().invoke(request);
    }
    return configured.invoke(request);
  }

  private TaskResult startChild(InvokeRequest request) {
    JsonNode parameters = request.parameters();
    Target target;
    String input;
    try {
      target = targets.resolve(Requests.required(parameters, "StateMachineArn"));
      input = childInput(parameters.get("Input"));
    } catch (ApiException e) {
      return TaskResult.failure(errorName(e.type()), e.getMessage());
    }
    String name = parameters.path("Name").asText(null);
    if (name == null) {
      name =
          UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8))
              .toString();
    }
    Checkpoint child =
        Transition.newExecution(
            DefinitionParser.parse(target.definition()),
            target.stateMachineArn(),
            name,
            input,
            engine.clock().millis());
    if (request.resource().contains(".sync")) {
      child.parentTaskToken = request.taskToken();
      child.parentWantsJson = request.resource().endsWith(".sync:2");
    }
    Checkpoint existing = executions.read(child.executionArn);
    if (existing == null) {
      engine.start(child);
    } else if (existing.parentTaskToken == null
        || !existing.parentTaskToken.equals(child.parentTaskToken)) {
      return TaskResult.failure(
          errorName("ExecutionAlreadyExists"),
          "Execution Already Exists: '" + child.executionArn + "'");
    } else {
      child = existing;
    }
    ObjectNode output = Json.object();
    output.put("ExecutionArn", child.executionArn);
    output.put("StartDate", child.startMillis);
    return TaskResult.success(output);
  }

  /** The child's input: an object as it is, or a string holding JSON, as AWS takes either. */
  private static String childInput(JsonNode input) {
    if (input == null || input.isNull()) {
      return "{}";
    }
    if (!input.isTextual()) {
      return Json.write(input);
    }
    ObjectNode holder = Json.object();
    holder.put("input", input.textValue());
    return Requests.jsonText(holder, "input", "InvalidExecutionInput", "execution input");
  }

  /**
   * The error a Step Functions integration Task fails with when the service refuses the call:
   * {@code StepFunctions.} and the API's error name with {@code Exception} after it, the way AWS
   * names the errors of its optimized integrations.
   */
  private static String errorName(String apiError) {
    return "StepFunctions." + apiError + (apiError.endsWith("Exception") ? "" : "Exception");
  }
}
