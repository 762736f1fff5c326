package dev.mercury.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.bus.nats.NatsFunctions;
import dev.mercury.bus.nats.NatsOptions;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.StepMessage.TaskResult;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The workflow the distributed and fault tests run: a Task, a Wait, a Map of Tasks and a Parallel
 * with a Wait in one branch and a Task in the other, so an execution crosses workers many times and
 * several of its flows step at once. The tasks are functions served over NATS request-reply.
 */
public final class Workflows {
  public static final String DOUBLE = "arn:aws:lambda:us-east-1:123456789012:function:double";
  public static final String INC = "arn:aws:lambda:us-east-1:123456789012:function:inc";

  public static final String EVERYTHING =
      """
      {"StartAt": "Double", "States": {
        "Double": {"Type": "Task", "Resource": "%s", "Parameters": {"n.$": "$.n"},
          "ResultPath": "$.doubled", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Each"},
        "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 0,
          "Iterator": {"StartAt": "Inc", "States": {
            "Inc": {"Type": "Task", "Resource": "%s", "End": true}}},
          "ResultPath": "$.incremented", "Next": "Both"},
        "Both": {"Type": "Parallel", "ResultPath": "$.both", "End": true, "Branches": [
          {"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Said"},
            "Said": {"Type": "Pass", "Result": "rested", "End": true}}},
          {"StartAt": "Again", "States": {
            "Again": {"Type": "Task", "Resource": "%s", "Parameters": {"n.$": "$.doubled"},
              "End": true}}}]}}}"""
          .formatted(DOUBLE, INC, DOUBLE);

  private Workflows() {}

  /** Serves {@code double} ({"n": x} → 2x) and {@code inc} (x → x + 1). */
  public static List<NatsFunctions> serveFunctions(Connection connection, NatsOptions options) {
    return List.of(
        NatsFunctions.serve(
            connection,
            options,
            DOUBLE,
            request ->
                TaskResult.success(
                    Json.parseTrusted(String.valueOf(2 * request.parameters().get("n").asLong())))),
        NatsFunctions.serve(
            connection,
            options,
            INC,
            request ->
                TaskResult.success(
                    Json.parseTrusted(String.valueOf(request.parameters().asLong() + 1)))));
  }

  public static String input(int i) {
    return "{\"n\": " + i + ", \"items\": [" + i + ", " + (i + 1) + ", " + (i + 2) + "]}";
  }

  public static JsonNode expectedOutput(int i) {
    return Json.parseTrusted(
        "{\"n\": %d, \"items\": [%d, %d, %d], \"doubled\": %d, \"incremented\": [%d, %d, %d], \"both\": [\"rested\", %d]}"
            .formatted(i, i, i + 1, i + 2, 2 * i, i + 1, i + 2, i + 3, 4 * i));
  }

  /** The execution ended well, with the right output and a history without gaps or repeats. */
  public static void assertCompleted(CheckpointStore store, String arn, int i) {
    Checkpoint checkpoint = store.read(arn);
    assertThat(checkpoint.status).as("status of %s", arn).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(checkpoint.output).as("output of %s", arn).isEqualTo(expectedOutput(i));
    List<HistoryEvent> history = store.history(arn);
    assertThat(history.stream().mapToLong(HistoryEvent::id).toArray())
        .as("history ids of %s", arn)
        .containsExactly(LongStream.rangeClosed(1, checkpoint.lastEventId).toArray());
    assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
    List<String> types = new ArrayList<>();
    history.forEach(e -> types.add(e.type()));
    assertThat(types.stream().filter("ExecutionStarted"::equals)).hasSize(1);
  }
}
