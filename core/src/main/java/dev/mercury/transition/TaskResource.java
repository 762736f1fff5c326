package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;

/**
 * How AWS reports a Task's resource in history: a Lambda function named by its ARN gets {@code
 * LambdaFunction*} events, everything else {@code Task*} events with a resource type and name.
 *
 * @param resourceType e.g. {@code lambda} or {@code aws-sdk:s3}
 * @param resource e.g. {@code invoke} or {@code getObject.waitForTaskToken}
 */
record TaskResource(boolean lambdaFunction, String resourceType, String resource, String region) {

  static TaskResource of(String arn) {
    String[] parts = arn.split(":", 6);
    String region = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : Arns.DEFAULT_REGION;
    if (parts.length > 2 && parts[2].equals("lambda")) {
      return new TaskResource(true, "lambda", arn, region);
    }
    if (parts.length == 6 && parts[2].equals("states") && parts[3].isEmpty()) {
      String service = parts[5];
      int split = service.lastIndexOf(':');
      return split < 0
          ? new TaskResource(false, service, service, region)
          : new TaskResource(
              false, service.substring(0, split), service.substring(split + 1), region);
    }
    return new TaskResource(false, "custom", arn, region);
  }

  String scheduledType() {
    return lambdaFunction ? "LambdaFunctionScheduled" : "TaskScheduled";
  }

  String startedType() {
    return lambdaFunction ? "LambdaFunctionStarted" : "TaskStarted";
  }

  String succeededType() {
    return lambdaFunction ? "LambdaFunctionSucceeded" : "TaskSucceeded";
  }

  String failedType(String error) {
    boolean timedOut = ErrorName.TIMEOUT.equals(error);
    if (lambdaFunction) {
      return timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed";
    }
    return timedOut ? "TaskTimedOut" : "TaskFailed";
  }

  /**
   * The details of the scheduled event. AWS records a heartbeat only for service integrations,
   * whose TaskScheduled event has the field; a Lambda function's event has none.
   */
  ObjectNode scheduled(JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds) {
    ObjectNode details = Json.object();
    if (lambdaFunction) {
      details.put("resource", resource);
      Details.payload(details, "input", parameters);
    } else {
      details.put("resourceType", resourceType);
      details.put("resource", resource);
      details.put("region", region);
      details.put("parameters", Json.write(parameters));
    }
    if (timeoutSeconds != null) {
      details.put("timeoutInSeconds", timeoutSeconds);
    }
    if (heartbeatSeconds != null && !lambdaFunction) {
      details.put("heartbeatInSeconds", heartbeatSeconds);
    }
    return details;
  }

  ObjectNode started() {
    return lambdaFunction ? null : named(Json.object());
  }

  ObjectNode succeeded(JsonNode output) {
    ObjectNode details = Details.payload(Json.object(), "output", output);
    return lambdaFunction ? details : named(details);
  }

  ObjectNode failed(String error, String cause) {
    ObjectNode details = Details.error(error, cause);
    return lambdaFunction ? details : named(details);
  }

  private ObjectNode named(ObjectNode details) {
    ObjectNode named = Json.object();
    named.put("resourceType", resourceType);
    named.put("resource", resource);
    named.setAll(details);
    return named;
  }
}
