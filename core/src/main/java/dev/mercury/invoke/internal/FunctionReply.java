package dev.mercury.invoke.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.invoke.InvokeErrors;
import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a function's reply into a task result. A function names its own error the way Lambda's
 * runtimes do, with a JSON object {@code {"errorType": "...", "errorMessage": "..."}}; the error
 * name reaches Retry and Catch unchanged and the message becomes the cause.
 */
public final class FunctionReply {
  private FunctionReply() {}

  /**
   * The output of a successful reply: its JSON; plain text as a JSON string when the reply says it
   * is text; null for an empty body. A body that claims to be JSON, or says nothing, and does not
   * parse is a malformed reply.
   */
  public static TaskResult success(byte[] body, String contentType) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return TaskResult.success(Json.NODES.nullNode());
    }
    try {
      return TaskResult.success(Json.parse(text));
    } catch (Exception e) {
      if (isText(contentType)) {
        return TaskResult.success(Json.NODES.textNode(text));
      }
      return TaskResult.failure(
          InvokeErrors.MALFORMED_REPLY,
          InvokeErrors.cause("The function's reply is not JSON: " + snippet(text)));
    }
  }

  /** The failure of an error reply: the function's own error if it names one, else {@code name}. */
  public static TaskResult failure(String name, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return namedError(text)
        .orElseGet(() -> TaskResult.failure(name, InvokeErrors.cause(text.strip())));
  }

  /** The error a text names, if it is (or ends with a line that is) an errorType object. */
  public static Optional<TaskResult> namedError(String text) {
    Optional<TaskResult> whole = namedError(parse(text.strip()));
    if (whole.isPresent()) {
      return whole;
    }
    String[] lines = text.strip().split("\n");
    return namedError(parse(lines[lines.length - 1].strip()));
  }

  private static Optional<TaskResult> namedError(JsonNode node) {
    if (node == null || !node.path("errorType").isTextual()) {
      return Optional.empty();
    }
    JsonNode message = node.path("errorMessage");
    String cause =
        message.isMissingNode()
            ? null
            : message.isTextual() ? message.asText() : Json.write(message);
    return Optional.of(
        TaskResult.failure(node.get("errorType").asText(), InvokeErrors.cause(cause)));
  }

  private static JsonNode parse(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isText(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/");
  }

  private static String snippet(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
