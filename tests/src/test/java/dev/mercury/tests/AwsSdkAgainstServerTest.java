package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;

/** The real AWS SDK for Java v2 client, pointed at a running Mercury server. */
class AwsSdkAgainstServerTest {
  private static final String GREET =
      """
      {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
        "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "End": true}}}""";
  private static final String WAIT_LONG =
      """
      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

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
  void startExecution_passWithIntrinsic_succeedsWithOutputAndHistory() throws Exception {
    String machine = create("greeter", GREET);

    String execution =
        sfn.startExecution(
                b -> b.stateMachineArn(machine).name("first").input("{\"name\":\"Ada\"}"))
            .executionArn();
    var described = awaitEnd(execution);

    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(described.output()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    var history = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
    assertThat(history)
        .extracting(e -> e.type())
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.PASS_STATE_ENTERED,
            HistoryEventType.PASS_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(history.get(3).executionSucceededEventDetails().output())
        .isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    assertThat(
            sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().get(0).executionArn())
        .isEqualTo(execution);
  }

  @Test
  void stopExecution_waitingExecution_isAborted() throws Exception {
    String machine = create("sleeper", WAIT_LONG);
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    sfn.stopExecution(b -> b.executionArn(execution).error("Manual").cause("stopped by test"));
    var described = awaitEnd(execution);

    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Manual");
  }

  @Test
  void describeExecution_unknownArn_throwsExecutionDoesNotExist() {
    assertThatThrownBy(
            () ->
                sfn.describeExecution(
                    b ->
                        b.executionArn(
                            "arn:aws:states:us-east-1:123456789012:execution:none:none")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }

  @Test
  void createStateMachine_invalidDefinition_throwsInvalidDefinitionNamingTheProblem() {
    assertThatThrownBy(() -> create("broken", "{\"StartAt\": \"Nowhere\", \"States\": {}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Nowhere");
  }

  @Test
  void startExecution_sameNameAndInputTwice_isIdempotent() {
    String machine = create("idem", WAIT_LONG);
    String first =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}")).executionArn();
    String second =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}")).executionArn();

    assertThat(second).isEqualTo(first);
  }

  private String create(String name, String definition) {
    return server.create(name, definition);
  }

  private software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse awaitEnd(
      String execution) throws InterruptedException {
    return server.awaitEnd(execution);
  }
}
