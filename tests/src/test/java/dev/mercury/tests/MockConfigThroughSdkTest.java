package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.api.StepFunctionsService;
import dev.mercury.language.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The server's Step Functions Local mock configuration, chosen with {@code arn#TestCase}. */
class MockConfigThroughSdkTest {
  private static final String ORDER =
      """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge"}, "ResultSelector": {"paid.$": "$.Payload.ok"},
          "Next": "Approve"},
        "Approve": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"},
          "ResultPath": "$.approval", "End": true}}}""";
  private static final String MOCKS =
      """
      {"StateMachines": {"order": {"TestCases": {
         "Happy": {"Charge": "Paid", "Approve": "Approved"},
         "Declined": {"Charge": "CardDeclined"}}}},
       "MockedResponses": {
         "Paid": {"0": {"Return": {"Payload": {"ok": true}}}},
         "CardDeclined": {"0": {"Throw": {"Error": "Card.Declined", "Cause": "no funds"}}},
         "Approved": {"0": {"Return": {"by": "mock"}}}}}""";

  @TempDir Path dir;

  @Test
  void testCaseInTheArn_mocksAnswerTasksAndCallbacks() throws Exception {
    try (RunningServer server = withMocks()) {
      String machine = server.create("order", ORDER);

      String happy = server.start(machine + "#Happy", "{}");
      String declined = server.start(machine + "#Declined", "{}");

      var ended = server.awaitEnd(happy);
      assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(ended.output()))
          .isEqualTo(Json.parse("{\"paid\": true, \"approval\": {\"by\": \"mock\"}}"));
      assertThat(server.awaitEnd(declined).error()).isEqualTo("Card.Declined");
    }
  }

  @Test
  void unknownTestCase_validationExceptionNamingIt() throws Exception {
    try (RunningServer server = withMocks()) {
      String machine = server.create("order", ORDER);

      assertThatThrownBy(() -> server.start(machine + "#Nope", "{}"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Nope");
    }
  }

  @Test
  void testCaseWithoutMockConfiguration_validationException() throws Exception {
    try (RunningServer server = new RunningServer(dir)) {
      String machine = server.create("order", ORDER);

      assertThatThrownBy(() -> server.start(machine + "#Happy", "{}"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("--mock-config");
    }
  }

  private RunningServer withMocks() throws Exception {
    return new RunningServer(
        dir, StepFunctionsService.Options.defaults().withMockConfiguration(Json.parse(MOCKS)));
  }
}
