package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** {@code arn:aws:states:::states:startExecution} in its four patterns, through the SDK. */
class ChildExecutionsThroughSdkTest {
  private static final String DOUBLER =
      """
      {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
        "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}""";
  private static final String FAILER =
      """
      {"StartAt": "No", "States": {"No": {"Type": "Fail", "Error": "Child.Broke",
        "Cause": "on purpose"}}}""";
  private static final String PARENT =
      """
      {"StartAt": "Run", "States": {"Run": {"Type": "Task",
        "Resource": "arn:aws:states:::states:%s",
        "Parameters": {"StateMachineArn": "%s", "Input": {"n.$": "$.n"%s}},
        "End": true}}}""";

  @TempDir Path dir;
  private RunningServer server;
  private SfnClient sfn;
  private String doubler;

  @BeforeEach
  void startServer() throws Exception {
    server = new RunningServer(dir);
    sfn = server.sfn;
    doubler = server.create("doubler", DOUBLER);
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
  }

  @Test
  void startExecution_fireAndForget_returnsChildArnAndStartDateAndChildRuns() throws Exception {
    var parent = server.awaitEnd(runParent("startExecution", doubler, ""));

    JsonNode output = Json.parse(parent.output());
    String child = output.path("ExecutionArn").asText();
    assertThat(output.path("StartDate").isNumber()).isTrue();
    assertThat(child).startsWith("arn:aws:states:us-east-1:123456789012:execution:doubler:");
    assertThat(server.awaitEnd(child).output()).isEqualTo("{\"doubled\":42}");
  }

  @Test
  void startExecutionSync_childSucceeds_outputIsDescribeShapeWithOutputAsText() throws Exception {
    String parentArn = runParent("startExecution.sync", doubler, "");
    var parent = server.awaitEnd(parentArn);

    assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = Json.parse(parent.output());
    assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(output.path("Output").asText()).isEqualTo("{\"doubled\":42}");
    assertThat(output.path("Input").asText()).isEqualTo("{\"n\":21}");
    assertThat(output.path("StopDate").asLong())
        .isGreaterThanOrEqualTo(output.path("StartDate").asLong());
    assertThat(types(parentArn))
        .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void startExecutionSync2_childSucceeds_outputIsJson() throws Exception {
    var parent = server.awaitEnd(runParent("startExecution.sync:2", doubler, ""));

    JsonNode output = Json.parse(parent.output());
    assertThat(output.path("Output")).isEqualTo(Json.parse("{\"doubled\": 42}"));
  }

  @Test
  void startExecutionSync_childFails_parentFailsWithTaskFailedDescribingTheChild()
      throws Exception {
    String failer = server.create("failer", FAILER);

    var parent = server.awaitEnd(runParent("startExecution.sync", failer, ""));

    assertThat(parent.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(parent.error()).isEqualTo("States.TaskFailed");
    JsonNode cause = Json.parse(parent.cause());
    assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.path("Error").asText()).isEqualTo("Child.Broke");
  }

  @Test
  void startExecutionWaitForTaskToken_childsCallerAnswers_parentTakesTheAnswer() throws Exception {
    String sleeper =
        server.create(
            "sleeper",
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""");
    String parentArn =
        runParent("startExecution.waitForTaskToken", sleeper, ", \"token.$\": \"$$.Task.Token\"");
    HistoryEvent submitted = server.awaitEvent(parentArn, "TaskSubmitted");
    String child =
        Json.parse(submitted.taskSubmittedEventDetails().output()).path("ExecutionArn").asText();
    String token =
        Json.parse(sfn.describeExecution(b -> b.executionArn(child)).input())
            .path("token")
            .asText();

    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"from\": \"child\"}"));

    assertThat(server.awaitEnd(parentArn).output()).isEqualTo("{\"from\":\"child\"}");
  }

  @Test
  void startExecution_unknownStateMachine_failsTheTaskWithTheServiceError() throws Exception {
    String missing = "arn:aws:states:us-east-1:123456789012:stateMachine:missing";

    var parent = server.awaitEnd(runParent("startExecution.sync", missing, ""));

    assertThat(parent.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
  }

  private String runParent(String resource, String childArn, String extraInput) {
    String machine =
        server.create(
            "parent-" + System.nanoTime(), PARENT.formatted(resource, childArn, extraInput));
    return server.start(machine, "{\"n\": 21}");
  }

  private List<String> types(String execution) {
    return sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream()
        .map(HistoryEvent::typeAsString)
        .toList();
  }
}
