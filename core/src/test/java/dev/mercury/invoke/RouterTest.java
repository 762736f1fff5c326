package dev.mercury.invoke;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RouterTest {

  /** Stands in for adapters-aws: records which connection and request it was given. */
  static final class FakeLambda implements InvokerProvider {
    final List<String> connections = new CopyOnWriteArrayList<>();
    final List<InvokeRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public String platform() {
      return "aws-lambda";
    }

    @Override
    public Invoker create(Connection connection) {
      connections.add(connection.name());
      return request -> {
        requests.add(request);
        return CompletableFuture.completedFuture(TaskResult.success(json("{\"from\": \"aws\"}")));
      };
    }
  }

  @Test
  void functionResource_unknownConnection_failsWithNoConnectionNamingIt() {
    try (Router router = new Router(Connections.none(), List.of())) {
      TaskResult result = call(router, request("mercury:function:resize", "{}"));

      assertThat(result.error()).isEqualTo("Mercury.NoConnection");
      assertThat(result.cause()).contains("\"resize\"").contains("--config");
    }
  }

  @Test
  void create_providerRefusesASetting_namesTheConnection() {
    InvokerProvider strict =
        new InvokerProvider() {
          @Override
          public String platform() {
            return "strict";
          }

          @Override
          public Invoker create(Connection connection) {
            throw new IllegalArgumentException("Setting 'regoin' is not one strict reads.");
          }
        };
    Connections connections =
        connections("{\"connections\": {\"prices\": {\"platform\": \"strict\"}}}");

    assertThatThrownBy(() -> new Router(connections, List.of(strict)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connection \"prices\": Setting 'regoin' is not one strict reads.");
  }

  @Test
  void unknownResource_failsWithNoInvoker() {
    try (Router router = new Router(Connections.none(), List.of())) {
      TaskResult result = call(router, request("arn:aws:states:::sqs:sendMessage", "{}"));

      assertThat(result.error()).isEqualTo("Mercury.NoInvoker");
      assertThat(result.cause()).contains("sqs:sendMessage").contains("--mock-config");
    }
  }

  @Test
  void lambdaArn_noProvider_failsWithNoInvokerSayingHowToAddOne() {
    try (Router router = new Router(Connections.none(), List.of())) {
      TaskResult result =
          call(router, request("arn:aws:lambda:us-east-1:123456789012:function:resize", "{}"));

      assertThat(result.error()).isEqualTo("Mercury.NoInvoker");
      assertThat(result.cause()).contains("aws-lambda").contains("mercury-adapters-aws");
    }
  }

  @Test
  void lambdaArn_withProvider_goesToAwsLambdaWithItsDefaultConnection() {
    FakeLambda lambda = new FakeLambda();
    Connections connections =
        connections(
            "{\"connections\": {\"aws\": {\"platform\": \"aws-lambda\", \"url\": \"http://127.0.0.1:1\"}}}");
    try (Router router = new Router(connections, List.of(lambda))) {
      TaskResult result =
          call(router, request("arn:aws:lambda:us-east-1:123456789012:function:resize", "{}"));

      assertThat(result.output()).isEqualTo(json("{\"from\": \"aws\"}"));
      assertThat(lambda.connections).containsExactly("aws");
    }
  }

  @Test
  void lambdaArn_listedByConnection_goesToThatConnection() {
    try (LoopbackServer server = new LoopbackServer(r -> Reply.json(200, "{\"local\": true}"))) {
      Connections connections =
          connections(
              """
              {"connections": {"resize": {"platform": "http", "url": "%s",
                 "resources": ["arn:aws:lambda:us-east-1:123456789012:function:resize"]}}}"""
                  .formatted(server.url()));
      FakeLambda lambda = new FakeLambda();
      try (Router router = new Router(connections, List.of(lambda))) {
        TaskResult result =
            call(
                router,
                request(
                    "arn:aws:lambda:us-east-1:123456789012:function:resize:prod", "{\"a\": 1}"));

        assertThat(result.output()).isEqualTo(json("{\"local\": true}"));
        assertThat(json(server.last().body())).isEqualTo(json("{\"a\": 1}"));
        assertThat(lambda.requests).isEmpty();
      }
    }
  }

  @Test
  void lambdaInvoke_functionNameListedByConnection_sendsPayloadAndWrapsResult() {
    try (LoopbackServer server = new LoopbackServer(r -> Reply.json(200, "{\"ok\": 1}"))) {
      Connections connections =
          connections(
              "{\"connections\": {\"resize\": {\"platform\": \"http\", \"url\": \"%s\", \"resources\": [\"resize\"]}}}"
                  .formatted(server.url()));
      try (Router router = new Router(connections, List.of())) {
        TaskResult result =
            call(
                router,
                request(
                    "arn:aws:states:::lambda:invoke",
                    "{\"FunctionName\": \"arn:aws:lambda:us-east-1:1:function:resize\", \"Payload\": {\"w\": 2}}"));

        assertThat(json(server.last().body())).isEqualTo(json("{\"w\": 2}"));
        assertThat(result.output())
            .isEqualTo(
                json(
                    "{\"ExecutedVersion\": \"$LATEST\", \"Payload\": {\"ok\": 1}, \"StatusCode\": 200}"));
      }
    }
  }

  @Test
  void serviceLoader_findsRegisteredProvider() {
    Connections connections = connections("{\"connections\": {\"e\": {\"platform\": \"echo\"}}}");
    try (Router router = Router.create(connections)) {
      TaskResult result = call(router, request("mercury:function:e", "{\"x\": 1}"));

      assertThat(result.output()).isEqualTo(json("{\"x\": 1}"));
    }
  }

  @Test
  void connectionWithUnregisteredPlatform_failsWithNoInvokerNamingThePlatform() {
    Connections connections =
        connections("{\"connections\": {\"f\": {\"platform\": \"azure-functions\"}}}");
    try (Router router = new Router(connections, List.of())) {
      TaskResult result = call(router, request("mercury:function:f", "{}"));

      assertThat(result.error()).isEqualTo("Mercury.NoInvoker");
      assertThat(result.cause()).contains("azure-functions");
    }
  }

  @Test
  void connectionMissingRequiredSetting_isReportedWhenTheRouterIsMade() {
    Connections connections =
        connections("{\"connections\": {\"f\": {\"platform\": \"openfaas\"}}}");

    assertThatThrownBy(() -> new Router(connections, List.of()))
        .hasMessageContaining("\"f\"")
        .hasMessageContaining("url");
  }

  @Test
  void invokerThatThrows_completesWithTaskFailed() {
    InvokerProvider broken =
        new InvokerProvider() {
          @Override
          public String platform() {
            return "broken";
          }

          @Override
          public Invoker create(Connection connection) {
            return request -> {
              throw new IllegalStateException("bug");
            };
          }
        };
    Connections connections = connections("{\"connections\": {\"b\": {\"platform\": \"broken\"}}}");
    try (Router router = new Router(connections, List.of(broken))) {
      TaskResult result = call(router, request("mercury:function:b", "{}"));

      assertThat(result.error()).isEqualTo("States.TaskFailed");
      assertThat(result.cause()).contains("bug");
    }
  }

  @Test
  void unknownResources_listsEveryUnanswerableTaskInBranchesAndMaps() {
    String definition =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "M", "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "mercury:function:nope", "End": true}}}]},
          "M": {"Type": "Map", "Next": "H", "ItemProcessor": {"StartAt": "B", "States": {
            "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "End": true}}}},
          "H": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "Next": "E",
                "Parameters": {"ApiEndpoint": "http://127.0.0.1:1", "Method": "GET"}},
          "E": {"Type": "Task", "Resource": "mercury:function:echo", "Next": "Mocked"},
          "Mocked": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}""";
    Connections connections =
        connections("{\"connections\": {\"echo\": {\"platform\": \"echo\"}}}");
    try (Router router = Router.create(connections)) {
      List<String> problems =
          router.unknownResources(Json.parseTrusted(definition), state -> state.equals("Mocked"));

      assertThat(problems).hasSize(2);
      assertThat(problems.get(0)).contains("'A'").contains("\"nope\"");
      assertThat(problems.get(1)).contains("'B'").contains("aws-lambda");
    }
  }

  @Test
  void connectionName_ofEventBridgeArn_isTheNameSegment() {
    assertThat(Router.connectionName("arn:aws:events:us-east-2:1:connection/Stripe/81210c42"))
        .isEqualTo("Stripe");
    assertThat(Router.connectionName("stripe")).isEqualTo("stripe");
  }
}
