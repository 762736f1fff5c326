package dev.mercury.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * An ended execution as a person reads it: each state entered with its time from the start and how
 * long it took, task attempts and errors, then the outcome and the output.
 */
final class TextReport {
  private final PrintWriter out;

  TextReport(PrintWriter out) {
    this.out = out;
  }

  void print(Checkpoint execution, List<HistoryEvent> history) {
    out.println("Execution " + execution.executionArn);
    long start = execution.startMillis;
    int attempts = 0;
    for (HistoryEvent event : history) {
      String type = event.type();
      ObjectNode details = event.details();
      long at = event.timestampMillis() - start;
      if (type.endsWith("StateEntered")) {
        String kind = type.substring(0, type.length() - "StateEntered".length());
        out.printf("  %6d ms  %s (%s)%n", at, details.path("name").asText(), kind);
        attempts = 0;
      } else if (type.endsWith("Scheduled")) {
        attempts++;
        if (attempts > 1) {
          out.printf("  %6d ms      retry %d%n", at, attempts - 1);
        }
      } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
        if (!type.startsWith("Execution") && details != null) {
          out.printf("  %6d ms      %s: %s%n", at, type, errorText(details));
        }
      } else if (type.equals("MapIterationStarted") || type.equals("ParallelStateStarted")) {
        continue;
      }
    }
    outcome(execution);
  }

  private void outcome(Checkpoint execution) {
    long took = execution.stopMillis - execution.startMillis;
    out.println();
    if (execution.status == ExecutionStatus.SUCCEEDED) {
      out.printf("SUCCEEDED in %d ms%n", took);
      out.println("Output:");
      out.println(pretty(execution.output));
    } else {
      out.printf("%s in %d ms%n", execution.status, took);
      out.println("Error: " + execution.error);
      if (execution.cause != null) {
        out.println("Cause: " + execution.cause);
      }
    }
  }

  private static String errorText(ObjectNode details) {
    String error = details.path("error").asText("");
    String cause = details.path("cause").asText("");
    return cause.isEmpty() ? error : error + ": " + abbreviate(cause);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private static String pretty(JsonNode value) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
