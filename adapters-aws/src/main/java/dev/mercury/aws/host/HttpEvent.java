package dev.mercury.aws.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lambda's HTTP event, payload format 2.0, as Function URLs and API Gateway HTTP APIs send it, to
 * and from the API's plain request and response.
 */
final class HttpEvent {
  private HttpEvent() {}

  static ApiRequest request(JsonNode event) {
    JsonNode http = event.path("requestContext").path("http");
    if (!http.isObject()) {
      throw new IllegalArgumentException(
          "neither a step envelope nor an HTTP event of payload format 2.0");
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (Map.Entry<String, JsonNode> header : event.path("headers").properties()) {
      // Payload 2.0 joins a repeated header's values with commas, as HTTP itself allows.
      headers.put(header.getKey().toLowerCase(Locale.ROOT), List.of(header.getValue().asText()));
    }
    String body = event.path("body").asText("");
    byte[] bytes =
        event.path("isBase64Encoded").asBoolean()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    String query = event.path("rawQueryString").asText("");
    return new ApiRequest(
        http.path("method").asText("POST"),
        event.path("rawPath").asText(http.path("path").asText("/")),
        query.isEmpty() ? null : query,
        headers,
        bytes);
  }

  static String response(ApiResponse response) {
    ObjectNode reply = Json.object();
    reply.put("statusCode", response.status());
    reply.putObject("headers").put("content-type", ApiResponse.CONTENT_TYPE);
    reply.put("body", response.body());
    reply.put("isBase64Encoded", false);
    return Json.write(reply);
  }
}
