package dev.mercury.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.StateMachineStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP trigger: the AWS Step Functions JSON API ({@code awsJson1_0}) as plain request to
 * response, so that the local server and the cloud function hosts share it. The action comes from
 * the {@code X-Amz-Target} header ({@code AWSStepFunctions.StartExecution}); every failure is a 400
 * with AWS's {@code __type} and {@code message}, never a stack trace. This is the one place where
 * internal failures become API errors.
 */
public final class StepFunctionsApi {
  private static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Map<String, Function<JsonNode, ObjectNode>> actions = new HashMap<>();

  public StepFunctionsApi(StateMachineStore machines, CheckpointStore executions, Engine engine) {
    new StateMachineActions(machines).register(actions);
    new ExecutionActions(machines, executions, engine).register(actions);
  }

  /** Answers one request. {@code target} is the X-Amz-Target header's value. */
  public ApiResponse handle(String target, String body) {
    try {
      Function<JsonNode, ObjectNode> action = action(target);
      JsonNode request = parse(body);
      return new ApiResponse(200, Json.write(action.apply(request)));
    } catch (ApiException e) {
      return error(e.type(), e.getMessage());
    } catch (RuntimeException e) {
      return new ApiResponse(
          500, Json.write(errorBody("InternalServerError", "The server failed: " + e)));
    }
  }

  private Function<JsonNode, ObjectNode> action(String target) {
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new ApiException(
          "UnknownOperationException", "Missing or unknown X-Amz-Target header: " + target);
    }
    Function<JsonNode, ObjectNode> action = actions.get(target.substring(TARGET_PREFIX.length()));
    if (action == null) {
      throw new ApiException(
          "UnknownOperationException",
          "Mercury does not implement " + target.substring(TARGET_PREFIX.length()) + " yet");
    }
    return action;
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode request = Json.parse(body == null || body.isBlank() ? "{}" : body);
      if (!request.isObject()) {
        throw new ApiException("SerializationException", "The request body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "SerializationException",
          "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static ApiResponse error(String type, String message) {
    return new ApiResponse(400, Json.write(errorBody(type, message)));
  }

  private static ObjectNode errorBody(String type, String message) {
    ObjectNode body = Json.object();
    body.put("__type", type);
    body.put("message", message);
    return body;
  }
}
