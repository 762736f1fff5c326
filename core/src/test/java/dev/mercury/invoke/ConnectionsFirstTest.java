package dev.mercury.invoke;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConnectionsFirstTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

  private final List<String> fallbackCalls = new CopyOnWriteArrayList<>();

  private ConnectionsFirst invoker(String config) {
    Router router = new Router(connections(config), List.of(new EchoProvider()));
    return new ConnectionsFirst(
        router,
        request -> {
          fallbackCalls.add(request.resource());
          return CompletableFuture.completedFuture(TaskResult.success(json("\"from nats\"")));
        });
  }

  @Test
  void resourcesTheConnectionsAnswer_goToTheirConnection_othersToTheFallback() {
    try (ConnectionsFirst invoker =
        invoker(
            """
            {"connections": {
              "resize": {"platform": "echo"},
              "billing": {"platform": "echo", "resources": ["%sbill"]}}}"""
                .formatted(LAMBDA))) {
      assertThat(call(invoker, request("mercury:function:resize", "{\"w\": 2}")).output())
          .isEqualTo(json("{\"w\": 2}"));
      assertThat(call(invoker, request(LAMBDA + "bill", "{\"n\": 1}")).output())
          .isEqualTo(json("{\"n\": 1}"));
      InvokeRequest viaInvoke =
          request(Router.LAMBDA_INVOKE, "{\"FunctionName\": \"bill\", \"Payload\": {\"n\": 3}}");
      assertThat(call(invoker, viaInvoke).output().path("Payload")).isEqualTo(json("{\"n\": 3}"));

      assertThat(call(invoker, request(LAMBDA + "double", "{}")).output())
          .isEqualTo(json("\"from nats\""));
      assertThat(call(invoker, request("mercury:function:undeclared", "{}")).output())
          .isEqualTo(json("\"from nats\""));
      assertThat(fallbackCalls).containsExactly(LAMBDA + "double", "mercury:function:undeclared");
    }
  }

  @Test
  void configures_aDefaultLambdaConnectionTakesEveryLambdaFunction_servicesStayOutside() {
    try (Router router =
        new Router(
            connections("{\"connections\": {\"aws\": {\"platform\": \"aws-lambda\"}}}"),
            List.of())) {
      assertThat(router.configures(LAMBDA + "anything", json("{}"))).isTrue();
      assertThat(router.configures("arn:aws:states:::http:invoke", json("{}"))).isTrue();
      assertThat(router.configures("arn:aws:states:::sqs:sendMessage", json("{}"))).isFalse();
    }
    try (Router router = new Router(Connections.none(), List.of())) {
      assertThat(router.configures(LAMBDA + "anything", json("{}"))).isFalse();
    }
  }
}
