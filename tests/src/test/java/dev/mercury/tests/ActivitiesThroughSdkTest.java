package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.api.StepFunctionsService;
import dev.mercury.language.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Activities and their workers, through the real SDK client. */
class ActivitiesThroughSdkTest {
  private static final String WORK =
      """
      {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", %s
        "Parameters": {"job.$": "$.job"}, "End": true}}}""";

  @TempDir Path dir;
  private RunningServer server;
  private SfnClient sfn;

  @BeforeEach
  void startServer() throws Exception {
    server =
        new RunningServer(
            dir,
            StepFunctionsService.Options.defaults().withActivityPollLimit(Duration.ofSeconds(2)));
    sfn = server.sfn;
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
  }

  @Test
  void activities_createDescribeListDelete_behaveAsAws() {
    String arn = sfn.createActivity(b -> b.name("resize")).activityArn();
    String again = sfn.createActivity(b -> b.name("resize")).activityArn();
    sfn.createActivity(b -> b.name("archive"));

    assertThat(again).isEqualTo(arn);
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:resize");
    assertThat(sfn.describeActivity(b -> b.activityArn(arn)).name()).isEqualTo("resize");
    assertThat(sfn.listActivities(b -> b.maxResults(1)).activities())
        .extracting(ActivityListItem::name)
        .containsExactly("archive");
    assertThat(sfn.listActivitiesPaginator(b -> b.maxResults(1)).activities())
        .extracting(ActivityListItem::name)
        .containsExactly("archive", "resize");
    sfn.deleteActivity(b -> b.activityArn(arn));
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(arn)))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }

  @Test
  void activityTask_workerPollsAndSucceeds_executionTakesTheWorkersOutput() throws Exception {
    String activity = sfn.createActivity(b -> b.name("resize")).activityArn();
    String execution = server.start(machine(activity, ""), "{\"job\": \"photo-1\"}");

    GetActivityTaskResponse task =
        sfn.getActivityTask(b -> b.activityArn(activity).workerName("worker-1"));
    assertThat(Json.parse(task.input())).isEqualTo(Json.parse("{\"job\": \"photo-1\"}"));
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"size\": 640}"));

    var ended = server.awaitEnd(execution);
    assertThat(ended.output()).isEqualTo("{\"size\":640}");
    assertThat(types(execution))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivityStarted",
            "ActivitySucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
    HistoryEvent started = server.awaitEvent(execution, "ActivityStarted");
    assertThat(started.activityStartedEventDetails().workerName()).isEqualTo("worker-1");
  }

  @Test
  void getActivityTask_pollingBeforeTheTaskExists_answersWhenItIsScheduled() throws Exception {
    String activity = sfn.createActivity(b -> b.name("later")).activityArn();
    CompletableFuture<GetActivityTaskResponse> poll =
        CompletableFuture.supplyAsync(() -> sfn.getActivityTask(b -> b.activityArn(activity)));
    Thread.sleep(300);

    server.start(machine(activity, ""), "{\"job\": 1}");

    assertThat(poll.get().taskToken()).isNotBlank();
  }

  @Test
  void getActivityTask_nothingScheduled_answersWithoutTokenAfterThePollLimit() {
    String activity = sfn.createActivity(b -> b.name("idle")).activityArn();
    long started = System.nanoTime();

    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity));

    assertThat(task.taskToken()).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(1));
  }

  @Test
  void getActivityTask_unknownActivity_throwsActivityDoesNotExist() {
    assertThatThrownBy(
            () ->
                sfn.getActivityTask(
                    b -> b.activityArn("arn:aws:states:us-east-1:123456789012:activity:none")))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }

  @Test
  void activityTask_workerFails_activityFailedAndExecutionFails() throws Exception {
    String activity = sfn.createActivity(b -> b.name("flaky")).activityArn();
    String execution = server.start(machine(activity, ""), "{\"job\": 2}");

    String token = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
    sfn.sendTaskFailure(b -> b.taskToken(token).error("Worker.Crashed").cause("disk full"));

    var ended = server.awaitEnd(execution);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("Worker.Crashed");
    assertThat(types(execution)).contains("ActivityFailed");
  }

  @Test
  void activityTask_workerStopsHeartbeating_activityTimesOut() throws Exception {
    String activity = sfn.createActivity(b -> b.name("slow")).activityArn();
    String execution = server.start(machine(activity, "\"HeartbeatSeconds\": 1,"), "{\"job\": 3}");

    String token = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));

    var ended = server.awaitEnd(execution);
    assertThat(ended.error()).isEqualTo("States.HeartbeatTimeout");
    HistoryEvent timedOut = server.awaitEvent(execution, "ActivityTimedOut");
    assertThat(timedOut.activityTimedOutEventDetails().error())
        .isEqualTo("States.HeartbeatTimeout");
  }

  private String machine(String activity, String extraFields) {
    return server.create("work-" + System.nanoTime(), WORK.formatted(activity, extraFields));
  }

  private List<String> types(String execution) {
    return sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream()
        .map(HistoryEvent::typeAsString)
        .toList();
  }
}
