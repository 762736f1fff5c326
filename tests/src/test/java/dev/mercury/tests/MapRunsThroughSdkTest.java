package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/** Map Runs of distributed Map states, through the real SDK client. */
class MapRunsThroughSdkTest {
  private static final String MAP =
      """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", %s "ItemsPath": "$.items",
        %s
        "ItemProcessor": {"ProcessorConfig": {"Mode": "%s", "ExecutionType": "STANDARD"},
          "StartAt": "Work", "States": {"Work": %s}},
        "End": true}}}""";
  private static final String PASS = "{\"Type\": \"Pass\", \"End\": true}";

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
  void distributedMap_succeeds_oneMapRunWithItsLabelAndCounts() throws Exception {
    String machine =
        server.create("fanout", MAP.formatted("\"Label\": \"resize\",", "", "DISTRIBUTED", PASS));
    String execution = server.start(machine, "{\"items\": [1, 2, 3]}");
    assertThat(server.awaitEnd(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    var runs = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns();
    assertThat(runs).hasSize(1);
    String run = runs.get(0).mapRunArn();
    var described = sfn.describeMapRun(b -> b.mapRunArn(run));

    assertThat(run).contains(":mapRun:fanout/resize:");
    assertThat(described.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(described.executionArn()).isEqualTo(execution);
    assertThat(described.itemCounts().total()).isEqualTo(3);
    assertThat(described.itemCounts().succeeded()).isEqualTo(3);
    assertThat(server.awaitEvent(execution, "MapRunSucceeded")).isNotNull();
  }

  @Test
  void inlineMap_hasNoMapRun() throws Exception {
    String machine =
        server.create("inline", MAP.formatted("\"Label\": \"x\",", "", "INLINE", PASS));
    String execution = server.start(machine, "{\"items\": [1, 2]}");
    server.awaitEnd(execution);

    assertThat(sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns()).isEmpty();
  }

  @Test
  void updateMapRun_raisesMaxConcurrency_runningMapLaunchesMoreIterations() throws Exception {
    String activity = sfn.createActivity(b -> b.name("item")).activityArn();
    String work = "{\"Type\": \"Task\", \"Resource\": \"" + activity + "\", \"End\": true}";
    String machine =
        server.create(
            "throttled", MAP.formatted("", "\"MaxConcurrency\": 1,", "DISTRIBUTED", work));
    String execution = server.start(machine, "{\"items\": [1, 2, 3]}");
    String first = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
    String run =
        server.awaitEvent(execution, "MapRunStarted").mapRunStartedEventDetails().mapRunArn();
    var before = sfn.describeMapRun(b -> b.mapRunArn(run));

    sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(3));
    List<String> tokens = new ArrayList<>(List.of(first));
    tokens.add(sfn.getActivityTask(b -> b.activityArn(activity)).taskToken());
    tokens.add(sfn.getActivityTask(b -> b.activityArn(activity)).taskToken());
    var during = sfn.describeMapRun(b -> b.mapRunArn(run));
    for (String token : tokens) {
      sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    }

    assertThat(before.maxConcurrency()).isEqualTo(1);
    assertThat(before.itemCounts().running()).isEqualTo(1);
    assertThat(before.itemCounts().pending()).isEqualTo(2);
    assertThat(tokens).doesNotContainNull();
    assertThat(during.maxConcurrency()).isEqualTo(3);
    assertThat(during.itemCounts().running()).isEqualTo(3);
    assertThat(server.awaitEnd(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sfn.describeMapRun(b -> b.mapRunArn(run)).status())
        .isEqualTo(MapRunStatus.SUCCEEDED);
  }
}
