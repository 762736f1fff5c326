package dev.mercury.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.engine.Engine;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.StateMachineStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP trigger: the AWS Step Functions JSON API ({@code awsJson1_0}) as plain request to
 * response, so that the local server and the cloud function hosts share it. A request passes the
 * rate limit, then the signature check when access keys are configured; its action comes from the
 * {@code X-Amz-Target} header ({@code AWSStepFunctions.StartExecution}). Every failure is AWS's
 * {@code __type} and {@code message} with AWS's status, never a stack trace. This is the one place
 * where internal failures become API errors. Payloads are logged at TRACE only: they may hold
 * secrets.
 */
public final class StepFunctionsApi {
  private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsApi.class);
  private static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Map<String, Function<JsonNode, ObjectNode>> actions = new HashMap<>();
  private final SignatureV4 signatures;
  private final TokenBucket rate;
  private final Clock clock;

  /** What the actions work on; see {@link StepFunctionsService}. */
  record Parts(
      StateMachineStore machines,
      CheckpointStore executions,
      ResourceStore resources,
      Engine engine,
      Targets targets,
      ActivityQueues queues,
      MockCases mocks,
      StepFunctionsService.Options options) {}

  StepFunctionsApi(Parts parts) {
    StepFunctionsService.Options options = parts.options();
    this.clock = options.clock();
    this.signatures = options.accessKeys().isEmpty() ? null : new SignatureV4(options.accessKeys());
    this.rate =
        options.requestsPerSecond() <= 0
            ? null
            : new TokenBucket(
                options.requestsPerSecond(), Math.max(1, 2 * options.requestsPerSecond()), clock);
    Tags tags = new Tags(parts.resources(), parts.machines());
    tags.register(actions);
    Versions versions = new Versions(parts.resources(), parts.targets(), options.clock()::millis);
    versions.register(actions);
    new StateMachineActions(
            parts.machines(), parts.targets(), versions, tags, options.clock()::millis)
        .register(actions);
    new ExecutionActions(parts).register(actions);
    new Redrives(parts.executions(), parts.targets(), parts.engine()).register(actions);
    new TestStateAction(options.invoker(), options.clock()).register(actions);
    new MapRuns(parts.executions(), parts.resources(), parts.engine()).register(actions);
    ActivityActions activities =
        new ActivityActions(parts.resources(), tags, options.clock()::millis);
    activities.register(actions);
    new TaskActions(
            parts.executions(),
            parts.engine(),
            activities,
            parts.queues(),
            options.activityPollLimit())
        .register(actions);
  }

  /** Answers one request whose body is {@code body}; {@code target} is X-Amz-Target's value. */
  public ApiResponse handle(String target, String body) {
    return handle(ApiRequest.of(target, body));
  }

  /** Answers one HTTP request. */
  public ApiResponse handle(ApiRequest request) {
    long started = System.nanoTime();
    String target = request.header("x-amz-target");
    ApiResponse response = answer(request, target);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} answered {} in {} µs",
          target,
          response.status(),
          (System.nanoTime() - started) / 1000);
    }
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} request {} response {}", target, request.text(), response.body());
    }
    return response;
  }

  private ApiResponse answer(ApiRequest request, String target) {
    try {
      if (rate != null && !rate.tryTake()) {
        throw new ApiException("ThrottlingException", "Rate exceeded");
      }
      if (signatures != null) {
        signatures.verify(request, clock.millis());
      }
      Function<JsonNode, ObjectNode> action = action(target);
      JsonNode body = parse(request.text());
      return new ApiResponse(200, Json.write(action.apply(body)));
    } catch (ApiException e) {
      return error(e.type(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed inside Mercury", target, e);
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
    int status = type.equals("MissingAuthenticationTokenException") ? 403 : 400;
    return new ApiResponse(status, Json.write(errorBody(type, message)));
  }

  private static ObjectNode errorBody(String type, String message) {
    ObjectNode body = Json.object();
    body.put("__type", type);
    body.put("message", message);
    return body;
  }
}
