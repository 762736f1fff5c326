package dev.mercury.invoke;

import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.engine.Engine;
import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.Clock;
import dev.mercury.store.memory.MemoryCheckpointStore;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.ExecutionStatus;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow loopback function counts the requests it handles at once: however many calls a workflow
 * makes together, no more than the connection's maxConcurrency reach it.
 */
class BoundedConcurrencyTest {
  private static final int LIMIT = 8;

  private static List<TaskResult> invokeAll(Router router, String resource, String input, int n)
      throws Exception {
    List<CompletableFuture<TaskResult>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(router.invoke(request(resource, input)));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    List<TaskResult> results = new ArrayList<>();
    for (CompletableFuture<TaskResult> call : calls) {
      results.add(call.get());
    }
    return results;
  }

  @Test
  void tenThousandCalls_toHttpFunction_neverExceedMaxConcurrency() throws Exception {
    try (LoopbackServer server = new LoopbackServer(r -> Reply.json(200, "{}").after(1))) {
      Connections connections =
          connections(
              "{\"connections\": {\"f\": {\"platform\": \"http\", \"url\": \"%s\", \"maxConcurrency\": %d}}}"
                  .formatted(server.url(), LIMIT));
      try (Router router = new Router(connections, List.of())) {
        List<TaskResult> results = invokeAll(router, "mercury:function:f", "{}", 10_000);

        assertThat(results).allMatch(TaskResult::succeeded);
        assertThat(server.requests()).hasSize(10_000);
        assertThat(server.mostAtOnce()).isLessThanOrEqualTo(LIMIT).isGreaterThan(1);
      }
    }
  }

  @Test
  void manyCalls_onEveryHttpPlatform_neverExceedMaxConcurrency() throws Exception {
    for (String platform : List.of("openfaas", "knative", "openwhisk")) {
      try (LoopbackServer server = new LoopbackServer(r -> Reply.json(200, "{}").after(5))) {
        Connections connections =
            connections(
                "{\"connections\": {\"f\": {\"platform\": \"%s\", \"url\": \"%s\", \"maxConcurrency\": %d}}}"
                    .formatted(platform, server.url(), LIMIT));
        try (Router router = new Router(connections, List.of())) {
          List<TaskResult> results = invokeAll(router, "mercury:function:f", "{}", 400);

          assertThat(results).as(platform).allMatch(TaskResult::succeeded);
          assertThat(server.mostAtOnce()).as(platform).isLessThanOrEqualTo(LIMIT);
        }
      }
    }
  }

  @Test
  void manyHttpTasks_throughOneConnection_neverExceedItsMaxConcurrency() throws Exception {
    try (LoopbackServer server = new LoopbackServer(r -> Reply.json(200, "{}").after(5))) {
      Connections connections =
          connections(
              "{\"connections\": {\"api\": {\"platform\": \"http\", \"maxConcurrency\": %d}}}"
                  .formatted(LIMIT));
      String parameters =
          """
          {"ApiEndpoint": "%s/x", "Method": "GET", "Authentication": {"ConnectionArn": "api"}}"""
              .formatted(server.url());
      try (Router router = new Router(connections, List.of())) {
        List<TaskResult> results =
            invokeAll(router, "arn:aws:states:::http:invoke", parameters, 400);

        assertThat(results).allMatch(TaskResult::succeeded);
        assertThat(server.mostAtOnce()).isLessThanOrEqualTo(LIMIT);
      }
    }
  }

  @Test
  // An inline Map of 3,000 one-Task items writes about 21,000 events, close to AWS's 25,000-event
  // history limit, past which the execution fails as it does on AWS.
  void mapOfThreeThousandItems_throughTheEngine_neverExceedsMaxConcurrency() throws Exception {
    try (LoopbackServer server =
        new LoopbackServer(r -> Reply.json(200, "{\"seen\": true}").after(1))) {
      Connections connections =
          connections(
              "{\"connections\": {\"f\": {\"platform\": \"http\", \"url\": \"%s\", \"maxConcurrency\": 16}}}"
                  .formatted(server.url()));
      String definition =
          """
          {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
             "ItemsPath": "$.items", "MaxConcurrency": 0,
             "ItemProcessor": {"StartAt": "Call", "States": {
               "Call": {"Type": "Task", "Resource": "mercury:function:f", "End": true}}}}}}""";
      StringBuilder items = new StringBuilder("{\"items\": [");
      for (int i = 0; i < 3_000; i++) {
        items.append(i == 0 ? "" : ",").append(i);
      }
      items.append("]}");

      try (Router router = new Router(connections, List.of())) {
        MemoryCheckpointStore store = new MemoryCheckpointStore();
        Engine engine = new Engine(store, router, Clock.SYSTEM);
        Checkpoint started =
            engine.start(
                DefinitionParser.parse(definition),
                Arns.stateMachine("map"),
                "run",
                items.toString());
        Checkpoint ended = engine.runToEnd(started.executionArn);

        assertThat(ended.status).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output.size()).isEqualTo(3_000);
        assertThat(server.requests()).hasSize(3_000);
        assertThat(server.mostAtOnce()).isLessThanOrEqualTo(16);
      }
    }
  }
}
