package dev.mercury.aws.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Turns Lambda's answer into the task's result, or into the function's error. */
final class LambdaReply {
  /** Step Functions' name for a function error whose payload names no errorType. */
  static final String UNKNOWN_ERROR = "Lambda.Unknown";

  private LambdaReply() {}

  static TaskResult of(LambdaCall call, InvokeResponse response) {
    String text = response.payload() == null ? "" : response.payload().asUtf8String();
    if (response.functionError() != null) {
      return TaskResult.failure(errorType(text), text);
    }
    if (!call.integration()) {
      return TaskResult.success(text.isEmpty() ? Json.NODES.nullNode() : payload(text));
    }
    return TaskResult.success(integrationResult(response, payload(text)));
  }

  /**
   * The function's error, as the errorType its runtime wrote in the payload, the way Step Functions
   * names it for both resource forms.
   */
  private static String errorType(String text) {
    try {
      JsonNode errorType = Json.parse(text).path("errorType");
      if (errorType.isTextual() && !errorType.textValue().isBlank()) {
        return errorType.textValue();
      }
    } catch (JsonProcessingException e) {
      // A payload that is not JSON names no error.
    }
    return UNKNOWN_ERROR;
  }

  /**
   * The payload as JSON; a reply that is not JSON (a custom runtime may answer anything) is kept as
   * its text, and an empty one (an Event or DryRun invocation) is the empty string.
   */
  private static JsonNode payload(String text) {
    if (text.isEmpty()) {
      return Json.NODES.textNode("");
    }
    try {
      JsonNode value = Json.parse(text);
      return value.isMissingNode() ? Json.NODES.textNode(text) : value;
    } catch (JsonProcessingException e) {
      return Json.NODES.textNode(text);
    }
  }

  /** The shape lambda:invoke gives in Step Functions, with its fields in AWS's order. */
  private static ObjectNode integrationResult(InvokeResponse response, JsonNode payload) {
    ObjectNode result = Json.object();
    if (response.executedVersion() != null) {
      result.put("ExecutedVersion", response.executedVersion());
    }
    if (response.logResult() != null) {
      result.put("LogResult", response.logResult());
    }
    result.set("Payload", payload);
    result.set("SdkHttpMetadata", httpMetadata(response.sdkHttpResponse()));
    result
        .putObject("SdkResponseMetadata")
        .put("RequestId", response.responseMetadata().requestId());
    result.put("StatusCode", response.statusCode());
    return result;
  }

  private static ObjectNode httpMetadata(SdkHttpResponse http) {
    ObjectNode metadata = Json.object();
    ObjectNode all = metadata.putObject("AllHttpHeaders");
    ObjectNode first = metadata.putObject("HttpHeaders");
    for (Map.Entry<String, List<String>> header : http.headers().entrySet()) {
      header.getValue().forEach(all.putArray(header.getKey())::add);
      if (!header.getValue().isEmpty()) {
        first.put(header.getKey(), header.getValue().get(0));
      }
    }
    metadata.put("HttpStatusCode", http.statusCode());
    return metadata;
  }
}
