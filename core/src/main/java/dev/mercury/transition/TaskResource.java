package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;

/**
 * How AWS reports a Task's resource in history: a Lambda function named by its ARN gets {@code
 * LambdaFunction*} events, an activity {@code Activity*} events, everything else {@code Task*}
 * events with a resource type and name.
 *
 * @param resourceType e.g. {@code lambda} or {@code aws-sdk:s3}
 * @param resource e.g. {@code invoke} or {@code getObject.waitForTaskToken}
 */
record TaskResource(Kind kind, String resourceType, String resource, String region) {

  /** Which family of history events a resource gets. */
  enum Kind {
    LAMBDA_FUNCTION,
    ACTIVITY,
    SERVICE
  }

  static TaskResource of(String arn) {
    String[] parts = arn.split(":", 6);
    String region = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : Arns.DEFAULT_REGION;
    if (parts.length > 2 && parts[2].equals("lambda")) {
      return new TaskResource(Kind.LAMBDA_FUNCTION, "lambda", arn, region);
    }
    if (parts.length == 6 && parts[2].equals("states") && parts[5].startsWith("activity:")) {
      return new TaskResource(Kind.ACTIVITY, "activity", arn, region);
    }
    if (parts.length == 6 && parts[2].equals("states") && parts[3].isEmpty()) {
      String service = parts[5];
      int split = service.indexOf(':', service.startsWith("aws-sdk:") ? "aws-sdk:".length() : 0);
      return split < 0
          ? new TaskResource(Kind.SERVICE, service, service, region)
          : new TaskResource(
              Kind.SERVICE, service.substring(0, split), service.substring(split + 1), region);
    }
    return new TaskResource(Kind.SERVICE, "custom", arn, region);
  }

  /**
   * Whether the Task's result comes as a callback on its token rather than as its invoker's reply:
   * {@code .waitForTaskToken}, an activity, or a child execution run with {@code .sync}, whose end
   * the child reports on the token.
   */
  boolean awaitsCallback() {
    return kind == Kind.ACTIVITY
        || resource.endsWith(".waitForTaskToken")
        || (resourceType.equals("states") && resource.startsWith("startExecution.sync"));
  }

  /** Whether an activity worker, rather than the scheduling, starts the Task. */
  boolean startedByWorker() {
    return kind == Kind.ACTIVITY;
  }

  String scheduledType() {
    return prefix() + "Scheduled";
  }

  String startedType() {
    return prefix() + "Started";
  }

  String succeededType() {
    return prefix() + "Succeeded";
  }

  String failedType(String error) {
    boolean timedOut = ErrorName.TIMEOUT.equals(error) || ErrorName.HEARTBEAT_TIMEOUT.equals(error);
    return prefix() + (timedOut ? "TimedOut" : "Failed");
  }

  private String prefix() {
    return switch (kind) {
      case LAMBDA_FUNCTION -> "LambdaFunction";
      case ACTIVITY -> "Activity";
      case SERVICE -> "Task";
    };
  }

  /**
   * The details of the scheduled event. AWS records a heartbeat only for service integrations,
   * whose TaskScheduled event has the field; a Lambda function's event has none.
   */
  ObjectNode scheduled(JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds) {
    ObjectNode details = Json.object();
    if (kind == Kind.SERVICE) {
      details.put("resourceType", resourceType);
      details.put("resource", resource);
      details.put("region", region);
      details.put("parameters", Json.write(parameters));
    } else {
      details.put("resource", resource);
      Details.payload(details, "input", parameters);
    }
    if (timeoutSeconds != null) {
      details.put("timeoutInSeconds", timeoutSeconds);
    }
    if (heartbeatSeconds != null && kind != Kind.LAMBDA_FUNCTION) {
      details.put("heartbeatInSeconds", heartbeatSeconds);
    }
    return details;
  }

  ObjectNode started() {
    return kind == Kind.SERVICE ? named(Json.object()) : null;
  }

  /** TaskSubmitted: the call that hands the work over returned, and the Task waits on. */
  ObjectNode submitted(JsonNode output) {
    return named(Details.payload(Json.object(), "output", output));
  }

  ObjectNode succeeded(JsonNode output) {
    ObjectNode details = Details.payload(Json.object(), "output", output);
    return kind == Kind.SERVICE ? named(details) : details;
  }

  ObjectNode failed(String error, String cause) {
    ObjectNode details = Details.error(error, cause);
    return kind == Kind.SERVICE ? named(details) : details;
  }

  private ObjectNode named(ObjectNode details) {
    ObjectNode named = Json.object();
    named.put("resourceType", resourceType);
    named.put("resource", resource);
    named.setAll(details);
    return named;
  }
}
