package dev.mercury.tests.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.azure.host.OrchestratorFunctions;
import dev.mercury.host.Orchestrator;
import dev.mercury.language.json.Json;
import dev.mercury.tests.support.MercuryProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.Tag;

/**
 * The Azure Functions app from the built zip, its function.json files routing real HTTP requests to
 * the annotated entry points as the Functions host and Java worker would: the API driven by the AWS
 * SDK's Step Functions client, the step function by {@code mercury bridge} (a process of its own)
 * through the Azure Functions invoker with the function key, against a real NATS server and
 * Elasticsearch node.
 */
class AzureHostIT extends HostTest {
  @TempDir Path folder;

  @Test
  void tagsAndVersions_writtenThroughOneInstance_areSeenByAnother() throws Exception {
    Map<String, JsonNode> app = AzureHost.appFiles();
    OrchestratorFunctions first =
        new OrchestratorFunctions(fixture.keep(new Orchestrator(fixture::settings)));
    OrchestratorFunctions second =
        new OrchestratorFunctions(fixture.keep(new Orchestrator(fixture::settings)));
    AzureHost one = fixture.keep(AzureHost.start(app, () -> first));
    AzureHost other = fixture.keep(AzureHost.start(app, () -> second));

    String machine;
    try (SfnClient sfn = sfn(one.url(""), HostFixture.SECRET_KEY)) {
      machine = createMachine(sfn);
      sfn.tagResource(r -> r.resourceArn(machine).tags(t -> t.key("team").value("blue")));
      sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).description("first"));
      start(sfn, machine, "listed", 1);
    }

    try (SfnClient sfn = sfn(other.url(""), HostFixture.SECRET_KEY)) {
      assertThat(sfn.listTagsForResource(r -> r.resourceArn(machine)).tags())
          .extracting(Tag::key, Tag::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "blue"));
      assertThat(
              sfn.listStateMachineVersions(r -> r.stateMachineArn(machine)).stateMachineVersions())
          .extracting(StateMachineVersionListItem::stateMachineVersionArn)
          .containsExactly(machine + ":1");
      // Listings are searches, which see a new execution within a refresh (a second).
      List<String> listed = List.of();
      for (int i = 0; i < 50 && listed.isEmpty(); i++) {
        Thread.sleep(100);
        listed =
            sfn.listExecutions(r -> r.stateMachineArn(machine)).executions().stream()
                .map(ExecutionListItem::name)
                .toList();
      }
      assertThat(listed).containsExactly("listed");
    }
  }

  @Test
  void apiAndStepFunctions_throughTheirEntryPoints_runTaskWaitAndChoice() throws Exception {
    Map<String, JsonNode> app = AzureHost.appFiles();
    assertThat(app).containsKeys("host.json", "api/function.json", "step/function.json");
    OrchestratorFunctions functions =
        new OrchestratorFunctions(fixture.keep(new Orchestrator(fixture::settings)));
    AzureHost host = fixture.keep(AzureHost.start(app, () -> functions));

    HttpResponse<String> keyless =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(host.url("step")))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mercury\": \"tick\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(keyless.statusCode()).isEqualTo(401);

    try (SfnClient sfn = sfn(host.url(""), HostFixture.SECRET_KEY)) {
      String arn = start(sfn, createMachine(sfn), "eleven", 11);

      // The mercury bridge command in a JVM of its own, calling the step function through the
      // Azure Functions invoker with the function key, as it would in production.
      Path config = folder.resolve("bridge.json");
      Files.writeString(
          config,
          Json.write(
              Json.object()
                  .set(
                      "connections",
                      Json.object()
                          .set(
                              "orchestrator",
                              Json.object()
                                  .put("platform", "azure-functions")
                                  .put("url", host.url("step"))
                                  .put("functionKeyEnv", "MERCURY_TEST_STEP_KEY")))));
      MercuryProcess bridge =
          fixture.keep(
              MercuryProcess.start(
                  folder.resolve("bridge.log"),
                  Map.of("MERCURY_TEST_STEP_KEY", AzureHost.FUNCTION_KEY),
                  "bridge",
                  "--nats",
                  fixture.nats.url(),
                  "--prefix",
                  fixture.prefix,
                  "--ack-wait",
                  "10",
                  "--config",
                  config.toString(),
                  "--function",
                  "orchestrator",
                  "--tick",
                  "0.5"));

      fixture.assertEndedRight(arn, 11);
      assertThat(sfn.describeExecution(r -> r.executionArn(arn)).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(bridge.isAlive()).as(bridge.logTail()).isTrue();
    }
  }
}
