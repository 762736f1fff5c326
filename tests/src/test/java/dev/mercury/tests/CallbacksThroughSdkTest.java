package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The callback pattern through the real SDK client: {@code .waitForTaskToken} Tasks wait, with no
 * invoker configured, until SendTaskSuccess or SendTaskFailure answers their token.
 */
class CallbacksThroughSdkTest {
  private static final String SQS_CALLBACK =
      """
      {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "https://sqs.example/q",
          "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
        %s
        "ResultPath": "$.reply", "End": true}}}""";

  @TempDir Path dir;
  private RunningServer server;
  private SfnClient sfn;

  @BeforeEach
  void startServer() throws Exception {
    server = new RunningServer(dir);
    sfn = server.sfn;
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
  }

  @Test
  void waitForTaskToken_sendTaskSuccess_outputBecomesTheTaskResult() throws Exception {
    String execution = startCallback("", "{\"order\": 7}");
    String token = tokenOf(execution);

    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));
    var ended = server.awaitEnd(execution);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(ended.output()))
        .isEqualTo(Json.parse("{\"order\": 7, \"reply\": {\"approved\": true}}"));
    assertThat(types(execution))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void waitForTaskToken_tokenInParameters_isTheTokenTheMessageCarries() throws Exception {
    String execution = startCallback("", "{\"order\": 7}");

    HistoryEvent scheduled = server.awaitEvent(execution, "TaskScheduled");
    JsonNode parameters = Json.parse(scheduled.taskScheduledEventDetails().parameters());

    assertThat(parameters.path("MessageBody").path("order").asInt()).isEqualTo(7);
    assertThat(parameters.path("MessageBody").path("token").asText()).hasSizeGreaterThan(40);
    assertThat(scheduled.taskScheduledEventDetails().resource())
        .isEqualTo("sendMessage.waitForTaskToken");
  }

  @Test
  void waitForTaskToken_serverRestarts_tokenStillAnswersTheTask() throws Exception {
    String execution = startCallback("", "{\"order\": 3}");
    String token = tokenOf(execution);
    server.close();

    server = new RunningServer(dir);
    sfn = server.sfn;
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("\"after restart\""));

    assertThat(Json.parse(server.awaitEnd(execution).output()).path("reply").asText())
        .isEqualTo("after restart");
  }

  @Test
  void sendTaskFailure_caughtByCatch_catcherGetsErrorAndCause() throws Exception {
    String definition =
        """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "approve", "Payload": {"token.$": "$$.Task.Token"}},
          "Catch": [{"ErrorEquals": ["Declined"], "ResultPath": "$.why", "Next": "Sorry"}],
          "End": true},
          "Sorry": {"Type": "Pass", "End": true}}}""";
    String execution = server.start(server.create("declines", definition), "{}");
    String token = tokenOf(execution);

    sfn.sendTaskFailure(b -> b.taskToken(token).error("Declined").cause("over budget"));
    var ended = server.awaitEnd(execution);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(ended.output()))
        .isEqualTo(Json.parse("{\"why\": {\"Error\": \"Declined\", \"Cause\": \"over budget\"}}"));
    assertThat(types(execution)).contains("TaskFailed").doesNotContain("TaskSucceeded");
  }

  @Test
  void heartbeatSeconds_noHeartbeat_failsWithHeartbeatTimeout() throws Exception {
    String execution = startCallback("\"HeartbeatSeconds\": 1,", "{\"order\": 1}");

    var ended = server.awaitEnd(execution);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.HeartbeatTimeout");
    HistoryEvent timedOut = server.awaitEvent(execution, "TaskTimedOut");
    assertThat(timedOut.taskTimedOutEventDetails().error()).isEqualTo("States.HeartbeatTimeout");
  }

  @Test
  void heartbeatSeconds_heartbeatsKeepComing_taskOutlivesHeartbeatSeconds() throws Exception {
    String execution = startCallback("\"HeartbeatSeconds\": 1,", "{\"order\": 1}");
    String token = tokenOf(execution);

    for (int i = 0; i < 8; i++) {
      Thread.sleep(300);
      sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    }
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("\"done\""));
    var ended = server.awaitEnd(execution);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(ended.output()).path("reply").asText()).isEqualTo("done");
  }

  @Test
  void timeoutSeconds_noCallback_failsWithStatesTimeout() throws Exception {
    String execution = startCallback("\"TimeoutSeconds\": 1,", "{\"order\": 1}");

    var ended = server.awaitEnd(execution);

    assertThat(ended.error()).isEqualTo("States.Timeout");
    assertThat(types(execution)).contains("TaskTimedOut");
  }

  @Test
  void sendTaskSuccess_tokenAlreadyAnswered_throwsTaskTimedOut() throws Exception {
    String execution = startCallback("", "{\"order\": 1}");
    String token = tokenOf(execution);
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    server.awaitEnd(execution);

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token)))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void sendTaskSuccess_tokenNotIssuedByMercury_throwsInvalidToken() {
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void sendTaskSuccess_forgedTokenForAWaitingTask_throwsInvalidTokenAndTaskWaitsOn()
      throws Exception {
    String execution = startCallback("", "{\"order\": 1}");
    String token = tokenOf(execution);
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    bytes[3] ^= 0x5a;
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(forged).output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("1"));

    assertThat(server.awaitEnd(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void sendTaskSuccess_outputNotJson_throwsInvalidOutput() throws Exception {
    String token = tokenOf(startCallback("", "{\"order\": 1}"));

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{nope")))
        .isInstanceOf(InvalidOutputException.class);
  }

  @Test
  void jsonata_statesContextTaskToken_reachesTheArguments() throws Exception {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
          "Arguments": {"TopicArn": "t", "Message": "{% $states.context.Task.Token %}"},
          "Output": "{% $states.result.answer %}", "End": true}}}""";
    String execution = server.start(server.create("jsonata-token", definition), "{}");
    HistoryEvent scheduled = server.awaitEvent(execution, "TaskScheduled");
    String token =
        Json.parse(scheduled.taskScheduledEventDetails().parameters()).path("Message").asText();

    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\": 42}"));

    assertThat(server.awaitEnd(execution).output()).isEqualTo("42");
  }

  private String startCallback(String extraFields, String input) {
    String machine =
        server.create("callback-" + System.nanoTime(), SQS_CALLBACK.formatted(extraFields));
    return server.start(machine, input);
  }

  private String tokenOf(String execution) throws Exception {
    HistoryEvent scheduled = server.awaitEvent(execution, "TaskScheduled");
    JsonNode parameters = Json.parse(scheduled.taskScheduledEventDetails().parameters());
    JsonNode body = parameters.has("Payload") ? parameters.get("Payload") : parameters;
    body = body.has("MessageBody") ? body.get("MessageBody") : body;
    return body.path("token").asText();
  }

  private java.util.List<String> types(String execution) {
    return sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream()
        .map(HistoryEvent::typeAsString)
        .toList();
  }
}
