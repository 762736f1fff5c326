package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockErrorOutput;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState through the real SDK client. */
class TestStateThroughSdkTest {
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
  void pass_debug_showsEachStageAndTheNextState() throws Exception {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Pass", "InputPath": "$.order",
                          "Parameters": {"id.$": "$.id", "fixed": 1},
                          "ResultPath": "$.shaped", "Next": "Ship"}""")
                    .input("{\"order\": {\"id\": 9}}")
                    .inspectionLevel(InspectionLevel.DEBUG));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Ship");
    assertThat(Json.parse(response.output()))
        .isEqualTo(Json.parse("{\"order\": {\"id\": 9}, \"shaped\": {\"id\": 9, \"fixed\": 1}}"));
    var data = response.inspectionData();
    assertThat(data.afterInputPath()).isEqualTo("{\"id\":9}");
    assertThat(data.afterParameters()).isEqualTo("{\"id\":9,\"fixed\":1}");
    assertThat(Json.parse(data.afterResultPath())).isEqualTo(Json.parse(response.output()));
  }

  @Test
  void task_mockedResult_resultSelectorAppliedAndInspected() throws Exception {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "f", "Payload.$": "$"},
                          "ResultSelector": {"body.$": "$.Payload"}, "End": true}""")
                    .input("{\"n\": 1}")
                    .mock(MockInput.builder().result("{\"Payload\": {\"ok\": true}}").build())
                    .inspectionLevel(InspectionLevel.DEBUG));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isNull();
    assertThat(response.output()).isEqualTo("{\"body\":{\"ok\":true}}");
    assertThat(response.inspectionData().result()).isEqualTo("{\"Payload\":{\"ok\":true}}");
    assertThat(response.inspectionData().afterResultSelector())
        .isEqualTo("{\"body\":{\"ok\":true}}");
  }

  @Test
  void task_mockedErrorCaught_caughtErrorWithTheCatchersNextState() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                          "Parameters": {"TopicArn": "t", "Message": "m"},
                          "Catch": [{"ErrorEquals": ["Other"], "Next": "No"},
                                    {"ErrorEquals": ["States.ALL"], "ResultPath": "$.err",
                                     "Next": "Recover"}],
                          "Next": "Done"}""")
                    .mock(
                        MockInput.builder()
                            .errorOutput(
                                MockErrorOutput.builder().error("SNS.Down").cause("outage").build())
                            .build()));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(response.nextState()).isEqualTo("Recover");
    assertThat(response.error()).isEqualTo("SNS.Down");
    assertThat(response.output()).contains("\"Cause\":\"outage\"");
    assertThat(response.inspectionData().errorDetails().catchIndex()).isEqualTo(1);
  }

  @Test
  void task_mockedErrorWithMatchingRetrier_retriable() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                          "Parameters": {"TopicArn": "t", "Message": "m"},
                          "Retry": [{"ErrorEquals": ["SNS.Down"], "IntervalSeconds": 4}],
                          "End": true}""")
                    .mock(
                        MockInput.builder()
                            .errorOutput(MockErrorOutput.builder().error("SNS.Down").build())
                            .build()));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(response.error()).isEqualTo("SNS.Down");
    assertThat(response.inspectionData().errorDetails().retryIndex()).isZero();
    assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(4);
  }

  @Test
  void stateName_inAWholeDefinition_choiceReportsTheChosenState() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"StartAt": "First", "States": {
                          "First": {"Type": "Pass", "Next": "Route"},
                          "Route": {"Type": "Choice", "Choices": [
                            {"Variable": "$.size", "NumericGreaterThan": 10, "Next": "Big"}],
                            "Default": "Small"},
                          "Big": {"Type": "Succeed"}, "Small": {"Type": "Succeed"}}}""")
                    .stateName("Route")
                    .input("{\"size\": 12}"));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Big");
  }

  @Test
  void variablesAndContext_injected_seenByPathsAndShownAfterAssign() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Pass", "Parameters": {"x.$": "$x", "id.$": "$$.Execution.Id"},
                          "Assign": {"seen.$": "$x"}, "End": true}""")
                    .variables("{\"x\": 5}")
                    .context("{\"Execution\": {\"Id\": \"given-id\"}}")
                    .inspectionLevel(InspectionLevel.DEBUG));

    assertThat(response.output()).isEqualTo("{\"x\":5,\"id\":\"given-id\"}");
    assertThat(response.inspectionData().variables()).contains("\"seen\":5");
  }

  @Test
  void jsonataTask_debug_showsAfterArguments() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"QueryLanguage": "JSONata", "Type": "Task",
                          "Resource": "arn:aws:states:::lambda:invoke",
                          "Arguments": {"FunctionName": "f", "Payload": "{% $states.input.n * 2 %}"},
                          "Output": "{% $states.result.Payload %}", "End": true}""")
                    .input("{\"n\": 21}")
                    .mock(MockInput.builder().result("{\"Payload\": \"fine\"}").build())
                    .inspectionLevel(InspectionLevel.DEBUG));

    assertThat(response.inspectionData().afterArguments())
        .isEqualTo("{\"FunctionName\":\"f\",\"Payload\":42}");
    assertThat(response.output()).isEqualTo("\"fine\"");
  }

  @Test
  void wait_returnsAtOnceWithTheNextState() {
    long started = System.nanoTime();

    var response =
        sfn.testState(
            b -> b.definition("{\"Type\": \"Wait\", \"Seconds\": 600, \"Next\": \"Go\"}"));

    assertThat(response.nextState()).isEqualTo("Go");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void fail_failedWithItsErrorAndCause() {
    var response =
        sfn.testState(
            b -> b.definition("{\"Type\": \"Fail\", \"Error\": \"Bad\", \"Cause\": \"input\"}"));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("Bad");
    assertThat(response.cause()).isEqualTo("input");
  }

  @Test
  void waitForTaskTokenWithoutMock_validationException() {
    assertThatThrownBy(
            () ->
                sfn.testState(
                    b ->
                        b.definition(
                            """
                            {"Type": "Task",
                              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                              "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"},
                              "End": true}""")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void waitForTaskTokenWithMock_mockIsTheCallback() {
    var response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task",
                          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                          "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"},
                          "End": true}""")
                    .mock(MockInput.builder().result("{\"approved\": true}").build()));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("{\"approved\":true}");
  }
}
