package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.StatesError;
import java.util.Map;

/**
 * The checks AWS makes on an optimized integration's parameters before it schedules the task; a
 * failure is States.Runtime and no task is scheduled. Only the API Gateway integration's header
 * shape is checked; other integrations' parameters go to their invokers unchecked.
 */
final class IntegrationParameters {
  private IntegrationParameters() {}

  static void check(TaskResource resource, JsonNode parameters) {
    if (resource.resourceType().equals("apigateway") && resource.resource().startsWith("invoke")) {
      checkApiGatewayHeaders(parameters.path("Headers"));
    }
  }

  /** API Gateway takes each header as a list of values: {@code {"h": ["v"]}}. */
  private static void checkApiGatewayHeaders(JsonNode headers) {
    if (headers.isMissingNode() || headers.isNull()) {
      return;
    }
    if (!headers.isObject()) {
      throw StatesError.runtime(
          "The Headers parameter must be an object of header names to lists.");
    }
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      if (!header.getValue().isArray()) {
        throw StatesError.runtime(
            "The value of header '"
                + header.getKey()
                + "' must be a list of strings, not "
                + header.getValue());
      }
    }
  }
}
