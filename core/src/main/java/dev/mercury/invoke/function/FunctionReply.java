package dev.mercury.invoke.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Turns an HTTP function's answer into the task's result. A 2xx body is the result: its JSON, or
 * its text when it is not JSON, or null when empty. Any other status is the error the body names
 * ({@code {"errorType": ..., "errorMessage": ...}}, as on every other platform), else {@code
 * States.Http.StatusCode.NNN}, the name AWS gives HTTP Task failures, with the body as its cause. A
 * body labelled JSON that does not parse is {@code States.TaskFailed}.
 */
public final class FunctionReply {
  /** AWS caps an error's cause at this many characters. */
  static final int MAX_CAUSE = 32_768;

  private FunctionReply() {}

  public static TaskResult of(HttpResponse<String> response, URI url) {
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status < 200 || status > 299) {
      String cause =
          body.isBlank() ? "HTTP " + status + " from " + FunctionUrl.withoutQuery(url) : body;
      return dev.mercury.invoke.internal.FunctionReply.namedError(body)
          .orElseGet(() -> TaskResult.failure("States.Http.StatusCode." + status, truncate(cause)));
    }
    if (body.isBlank()) {
      return TaskResult.success(Json.NODES.nullNode());
    }
    try {
      JsonNode value = Json.parse(body);
      return TaskResult.success(value.isMissingNode() ? Json.NODES.nullNode() : value);
    } catch (JsonProcessingException e) {
      if (labelledJson(response)) {
        return TaskResult.failure(
            ErrorName.TASK_FAILED,
            truncate(
                "The function at "
                    + FunctionUrl.withoutQuery(url)
                    + " answered with invalid JSON: "
                    + e.getOriginalMessage()));
      }
      return TaskResult.success(Json.NODES.textNode(body));
    }
  }

  private static boolean labelledJson(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    return type.toLowerCase(Locale.ROOT).contains("json");
  }

  public static String truncate(String cause) {
    return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE);
  }
}
