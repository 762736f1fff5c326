package dev.mercury.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reading the fields of an API request, with AWS's validation errors, and paging lists. */
final class Requests {
  /** AWS's limit on inputs, outputs and task results: 256 KiB of UTF-8. */
  static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

  /**
   * What AWS refuses in names: white space, brackets, wildcards, the special characters {@code " #
   * % \ ^ | ~ ` $ & , ; : /} and control characters.
   */
  private static final Pattern BAD_NAME =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

  private static final String PAGE_PREFIX = "mercury-page:";

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

  /** A text field with AWS's length constraint, reported in AWS's words when broken. */
  static String bounded(JsonNode request, String field, int min, int max, boolean required) {
    String value = required ? required(request, field) : optional(request, field);
    if (value == null) {
      return null;
    }
    if (value.length() < min) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + field
              + "' failed to satisfy constraint: Member must have length greater than or equal to "
              + min);
    }
    if (value.length() > max) {
      throw ApiException.validation(
          "1 validation error detected: Value at '"
              + field
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + max);
    }
    return value;
  }

  /** A name for a state machine, execution, activity or alias, checked as AWS checks it. */
  static String name(JsonNode request, String field, boolean required) {
    String name = bounded(request, field, 1, 80, required);
    if (name != null && BAD_NAME.matcher(name).find()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    return name;
  }

  /** JSON text given as a string field, checked and compacted; {@code {}} when absent. */
  static String jsonText(JsonNode request, String field, String errorType, String what) {
    String text = optional(request, field);
    if (text == null) {
      return "{}";
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT_BYTES) {
      throw new ApiException(errorType, what + " exceeds the maximum size of 262144 bytes");
    }
    try {
      return Json.write(Json.parse(text));
    } catch (JsonProcessingException e) {
      throw new ApiException(errorType, "Invalid " + what + ": " + e.getOriginalMessage());
    }
  }

  static int maxResults(JsonNode request) {
    JsonNode value = request.get("maxResults");
    if (value == null || value.isNull()) {
      return 100;
    }
    if (!value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 1000) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value.asText()
              + "' at 'maxResults' failed to satisfy constraint: Member must have value "
              + (value.asInt() < 0 ? "greater than or equal to 0" : "less than or equal to 1000"));
    }
    return value.asInt() == 0 ? 100 : value.asInt();
  }

  /**
   * One page of {@code all} under {@code field}, as maxResults and nextToken ask, with the token of
   * the next page when there is one. Tokens are opaque to clients: a token names the offset and the
   * action it belongs to, and one from another action is refused.
   */
  static <T> ObjectNode page(
      JsonNode request, String field, List<T> all, Function<T, ObjectNode> render) {
    int max = maxResults(request);
    int offset = offset(request, field);
    ObjectNode response = Json.object();
    ArrayNode page = response.putArray(field);
    for (int i = offset; i < Math.min(offset + max, all.size()); i++) {
      page.add(render.apply(all.get(i)));
    }
    if (offset + max < all.size()) {
      response.put("nextToken", token(field, offset + max));
    }
    return response;
  }

  private static String token(String field, int offset) {
    String text = PAGE_PREFIX + field + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(JsonNode request, String field) {
    String token = bounded(request, "nextToken", 1, 1024, false);
    if (token == null) {
      return 0;
    }
    String prefix = PAGE_PREFIX + field + ":";
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(prefix)) {
        return Integer.parseInt(text.substring(prefix.length()));
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the refusal below: the token is not one Mercury wrote.
    }
    throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
  }

  /** Epoch seconds with a fraction, as the AWS JSON protocol writes timestamps. */
  static double seconds(long millis) {
    return millis / 1000.0;
  }
}
