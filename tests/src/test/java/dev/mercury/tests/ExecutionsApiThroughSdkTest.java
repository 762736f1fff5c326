package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * Executions through the SDK beyond start and stop: StartSyncExecution, redrive, filters,
 * pagination and AWS's validation errors.
 */
class ExecutionsApiThroughSdkTest {
  private static final String PASS =
      """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

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
  void startSyncExecution_express_answersWithTheEndAndBillingDetails() {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("express")
                        .type(StateMachineType.EXPRESS)
                        .roleArn(RunningServer.ROLE)
                        .definition(
                            """
                            {"StartAt": "Add", "States": {"Add": {"Type": "Pass",
                              "Parameters": {"sum.$": "States.MathAdd($.a, $.b)"},
                              "End": true}}}"""))
            .stateMachineArn();

    var response =
        sfn.startSyncExecution(b -> b.stateMachineArn(machine).input("{\"a\":2,\"b\":3}"));

    assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("{\"sum\":5}");
    assertThat(response.billingDetails().billedMemoryUsedInMB()).isEqualTo(64);
    assertThat(response.billingDetails().billedDurationInMilliseconds()).isEqualTo(100);
    assertThat(response.stopDate()).isAfterOrEqualTo(response.startDate());
  }

  @Test
  void startSyncExecution_failingExpress_answers200WithErrorAndCause() {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("express-fail")
                        .type(StateMachineType.EXPRESS)
                        .roleArn(RunningServer.ROLE)
                        .definition(
                            """
                            {"StartAt": "F", "States": {"F": {"Type": "Fail",
                              "Error": "Nope", "Cause": "because"}}}"""))
            .stateMachineArn();

    var response = sfn.startSyncExecution(b -> b.stateMachineArn(machine));

    assertThat(response.status()).isEqualTo(SyncExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("Nope");
    assertThat(response.cause()).isEqualTo("because");
  }

  @Test
  void startSyncExecution_standardMachine_stateMachineTypeNotSupported() {
    String machine = server.create("standard", PASS);

    assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(machine)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void redriveExecution_failedTask_runsAgainFromTheFailedStateWithItsInput() throws Exception {
    String activity = sfn.createActivity(b -> b.name("charge")).activityArn();
    String machine =
        server.create(
            "redrivable",
            """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"amount": 5}, "ResultPath": "$.prepared",
                "Next": "Charge"},
              "Charge": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(activity));
    String execution = server.start(machine, "{\"order\": 1}");
    String first = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
    sfn.sendTaskFailure(b -> b.taskToken(first).error("Card.Declined"));
    assertThat(server.awaitEnd(execution).status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(sfn.describeExecution(b -> b.executionArn(execution)).redriveStatusAsString())
        .isEqualTo("REDRIVABLE");

    sfn.redriveExecution(b -> b.executionArn(execution));
    var task = sfn.getActivityTask(b -> b.activityArn(activity));
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"charged\": true}"));
    var ended = server.awaitEnd(execution);

    assertThat(Json.parse(task.input()))
        .isEqualTo(Json.parse("{\"order\": 1, \"prepared\": {\"amount\": 5}}"));
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.redriveCount()).isEqualTo(1);
    List<String> types =
        sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream()
            .map(HistoryEvent::typeAsString)
            .toList();
    assertThat(types)
        .containsSubsequence(
            "ActivityFailed",
            "ExecutionFailed",
            "ExecutionRedriven",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivitySucceeded",
            "ExecutionSucceeded");
    assertThat(types.stream().filter("PassStateEntered"::equals)).hasSize(1);
    assertThat(
            sfn.listExecutions(
                    b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                .executions())
        .hasSize(1);
  }

  @Test
  void redriveExecution_succeededExecution_executionNotRedrivable() throws Exception {
    String execution = server.start(server.create("done", PASS), "{}");
    server.awaitEnd(execution);

    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(execution)))
        .isInstanceOf(ExecutionNotRedrivableException.class);
  }

  @Test
  void listExecutions_pagesWithOpaqueTokensAndStatusFilter() throws Exception {
    String machine = server.create("many", PASS);
    for (int i = 0; i < 7; i++) {
      server.awaitEnd(server.start(machine, "{}"));
    }

    List<ExecutionListItem> all = new ArrayList<>();
    sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(3))
        .executions()
        .forEach(all::add);
    var firstPage = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3));

    assertThat(all).hasSize(7);
    assertThat(firstPage.nextToken()).isNotBlank().isNotEqualTo("3");
    assertThat(
            sfn.listExecutions(
                    b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
                .executions())
        .isEmpty();
    assertThatThrownBy(
            () -> sfn.listExecutions(b -> b.stateMachineArn(machine).nextToken("made-up")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(1001)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxResults");
  }

  @Test
  void startExecution_nameWithSpace_invalidName() {
    String machine = server.create("names", PASS);

    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("a b")))
        .isInstanceOf(InvalidNameException.class);
  }

  @Test
  void describeStateMachineForExecution_afterUpdate_showsTheDefinitionItRan() throws Exception {
    String machine = server.create("changing", PASS);
    String execution = server.start(machine, "{}");
    server.awaitEnd(execution);
    sfn.updateStateMachine(
        b ->
            b.stateMachineArn(machine)
                .definition("{\"StartAt\": \"Q\", \"States\": {\"Q\": {\"Type\": \"Succeed\"}}}"));

    var described = sfn.describeStateMachineForExecution(b -> b.executionArn(execution));

    assertThat(described.definition()).contains("\"P\"");
    assertThat(described.stateMachineArn()).isEqualTo(machine);
  }

  @Test
  void getExecutionHistory_withoutExecutionData_leavesInputsOut() throws Exception {
    String execution = server.start(server.create("quiet", PASS), "{\"secret\": 1}");
    server.awaitEnd(execution);

    var events =
        sfn.getExecutionHistory(b -> b.executionArn(execution).includeExecutionData(false))
            .events();

    assertThat(events.get(0).executionStartedEventDetails().input()).isNull();
  }
}
