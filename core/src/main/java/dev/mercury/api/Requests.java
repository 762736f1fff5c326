package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the fields of an API request, with AWS's validation errors. */
final class Requests {
  private Requests() {}

  static String required(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull() || !value.isTextual()) {
      throw ApiException.validation(
          "1 validation error detected: Value null at '"
              + field
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value.textValue();
  }

  static String optional(JsonNode request, String field) {
    JsonNode value = request.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static int maxResults(JsonNode request) {
    int max = request.path("maxResults").asInt(0);
    if (max < 0 || max > 1000) {
      throw ApiException.validation("maxResults must be between 0 and 1000");
    }
    return max == 0 ? 100 : max;
  }

  /** The page offset a nextToken stands for; tokens are offsets written as text. */
  static int offset(JsonNode request) {
    String token = optional(request, "nextToken");
    if (token == null) {
      return 0;
    }
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
    }
  }

  /** Epoch seconds with a fraction, as the AWS JSON protocol writes timestamps. */
  static double seconds(long millis) {
    return millis / 1000.0;
  }
}
