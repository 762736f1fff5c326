package dev.mercury.invoke.http;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.Connections;
import dev.mercury.invoke.LoopbackServer;
import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTaskInvokerTest {
  private static final String RESOURCE = "arn:aws:states:::http:invoke";

  private LoopbackServer server;
  private Router router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private TaskResult invoke(Connections connections, String parameters) {
    router = new Router(connections, List.of());
    return call(router, request(RESOURCE, parameters));
  }

  private TaskResult invoke(String parameters) {
    return invoke(Connections.none(), parameters);
  }

  @Test
  void get_withQueryAndHeaders_returnsAwsOutputShape() {
    server = new LoopbackServer(r -> Reply.json(200, "{\"id\": 7}"));

    TaskResult result =
        invoke(
            """
            {"ApiEndpoint": "%s/v1/customers", "Method": "GET",
             "Headers": {"X-Trace": "abc"},
             "QueryParameters": {"limit": 10, "tag": ["a", "b c"]}}"""
                .formatted(server.url()));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().get("StatusCode").asInt()).isEqualTo(200);
    assertThat(result.output().get("StatusText").asText()).isEqualTo("OK");
    assertThat(result.output().get("ResponseBody")).isEqualTo(json("{\"id\": 7}"));
    assertThat(result.output().at("/Headers/content-type/0").asText())
        .isEqualTo("application/json");
    LoopbackServer.Request seen = server.last();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.path()).isEqualTo("/v1/customers");
    assertThat(seen.query()).isEqualTo("limit=10&tag=a&tag=b+c");
    assertThat(seen.header("X-Trace")).isEqualTo("abc");
  }

  @Test
  void post_jsonBody_sentAsJsonWithIdempotencyKey() {
    server = new LoopbackServer(r -> Reply.text(201, "made"));

    TaskResult result =
        invoke(
            """
            {"ApiEndpoint": "%s/orders", "Method": "POST", "RequestBody": {"item": "pen", "n": 2}}"""
                .formatted(server.url()));

    assertThat(result.output().get("StatusText").asText()).isEqualTo("Created");
    assertThat(result.output().get("ResponseBody").asText()).isEqualTo("made");
    LoopbackServer.Request seen = server.last();
    assertThat(json(seen.body())).isEqualTo(json("{\"item\": \"pen\", \"n\": 2}"));
    assertThat(seen.header("Content-Type")).startsWith("application/json");
    assertThat(seen.header("Idempotency-Key"))
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:test:run/0/1");
  }

  @Test
  void post_urlEncodedWithBrackets_sendsForm() {
    server = new LoopbackServer(r -> Reply.json(200, "{}"));

    invoke(
        """
        {"ApiEndpoint": "%s/form", "Method": "POST",
         "RequestBody": {"name": "a b", "tags": ["x", "y"]},
         "Transform": {"RequestBodyEncoding": "URL_ENCODED",
                       "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}}"""
            .formatted(server.url()));

    assertThat(server.last().body()).isEqualTo("name=a+b&tags%5B%5D=x&tags%5B%5D=y");
    assertThat(server.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void status404_failsWithStatusCodeErrorAndResponseAsCause() {
    server = new LoopbackServer(r -> Reply.json(404, "{\"message\": \"no such order\"}"));

    TaskResult result =
        invoke("{\"ApiEndpoint\": \"%s/orders/9\", \"Method\": \"GET\"}".formatted(server.url()));

    assertThat(result.error()).isEqualTo("States.Http.StatusCode.404");
    var cause = json(result.cause());
    assertThat(cause.get("StatusCode").asInt()).isEqualTo(404);
    assertThat(cause.get("StatusText").asText()).isEqualTo("Not Found");
    assertThat(cause.get("ResponseBody")).isEqualTo(json("{\"message\": \"no such order\"}"));
  }

  @Test
  void slowServer_taskTimeout_failsWithStatesTimeout() {
    server = new LoopbackServer(r -> Reply.json(200, "{}").after(3_000));
    router = new Router(Connections.none(), List.of());

    TaskResult result =
        call(
            router,
            request(
                RESOURCE,
                "{\"ApiEndpoint\": \"%s/slow\", \"Method\": \"GET\"}".formatted(server.url()),
                300));

    assertThat(result.error()).isEqualTo("States.Timeout");
  }

  @Test
  void nothingListening_failsWithSocketError() {
    URI refusing = LoopbackServer.refusingUrl();

    TaskResult result =
        invoke("{\"ApiEndpoint\": \"%s/x\", \"Method\": \"GET\"}".formatted(refusing));

    assertThat(result.error()).isEqualTo("States.Http.Socket");
    assertThat(result.cause()).contains(refusing.toString());
  }

  @Test
  void authorizationHeaderInTask_failsWithRuntimeBeforeSending() {
    server = new LoopbackServer(r -> Reply.json(200, "{}"));

    TaskResult result =
        invoke(
            """
            {"ApiEndpoint": "%s/x", "Method": "GET", "Headers": {"Authorization": "Bearer x"}}"""
                .formatted(server.url()));

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void missingApiEndpoint_failsWithRuntime() {
    TaskResult result = invoke("{\"Method\": \"GET\"}");

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("ApiEndpoint");
  }

  @Test
  void apiKeyConnection_byEventBridgeArn_sendsKeyHeader() {
    server =
        new LoopbackServer(
            r ->
                "s3cret".equals(r.header("x-api-key"))
                    ? Reply.json(200, "{\"ok\": true}")
                    : Reply.json(403, "{}"));
    Connections connections =
        connections(
            """
            {"connections": {"stripe": {"platform": "http",
               "auth": {"apiKey": {"header": "x-api-key", "valueEnv": "STRIPE_KEY"}},
               "headers": {"X-From": "mercury"}}}}""",
            Map.of("STRIPE_KEY", "s3cret"));

    TaskResult result =
        invoke(
            connections,
            """
            {"ApiEndpoint": "%s/v1", "Method": "GET",
             "Authentication": {"ConnectionArn":
               "arn:aws:events:us-east-2:123456789012:connection/stripe/81210c42"}}"""
                .formatted(server.url()));

    assertThat(result.succeeded()).isTrue();
    assertThat(server.last().header("X-From")).isEqualTo("mercury");
  }

  @Test
  void basicConnection_sendsBasicCredentials() {
    server =
        new LoopbackServer(
            r ->
                "Basic dXNlcjpwYXNz".equals(r.header("Authorization"))
                    ? Reply.json(200, "{}")
                    : Reply.json(401, "{}"));
    Connections connections =
        connections(
            """
            {"connections": {"api": {"platform": "http",
               "auth": {"basic": {"username": "user", "passwordEnv": "API_PASSWORD"}}}}}""",
            Map.of("API_PASSWORD", "pass"));

    TaskResult result =
        invoke(
            connections,
            """
            {"ApiEndpoint": "%s/v1", "Method": "GET", "Authentication": {"ConnectionArn": "api"}}"""
                .formatted(server.url()));

    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void oauthConnection_fetchesTokenOnceAndSendsBearer() {
    AtomicInteger tokensIssued = new AtomicInteger();
    server =
        new LoopbackServer(
            r -> {
              if (r.path().equals("/token")) {
                boolean client =
                    "Basic Y2xpZW50OmNsaWVudC1zZWNyZXQ=".equals(r.header("Authorization"));
                if (!client || !r.body().contains("grant_type=client_credentials")) {
                  return Reply.json(401, "{\"error\": \"invalid_client\"}");
                }
                tokensIssued.incrementAndGet();
                return Reply.json(200, "{\"access_token\": \"tok-1\", \"expires_in\": 3600}");
              }
              return "Bearer tok-1".equals(r.header("Authorization"))
                  ? Reply.json(200, "{\"ok\": true}")
                  : Reply.json(401, "{}");
            });
    Connections connections =
        connections(
            """
            {"connections": {"crm": {"platform": "http",
               "auth": {"oauth": {"tokenUrl": "%s/token", "clientId": "client",
                                  "clientSecretEnv": "CRM_SECRET", "scope": "read"}}}}}"""
                .formatted(server.url()),
            Map.of("CRM_SECRET", "client-secret"));
    String parameters =
        """
        {"ApiEndpoint": "%s/v1", "Method": "GET", "Authentication": {"ConnectionArn": "crm"}}"""
            .formatted(server.url());

    TaskResult first = invoke(connections, parameters);
    TaskResult second = call(router, request(RESOURCE, parameters));

    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).isTrue();
    assertThat(tokensIssued).hasValue(1);
    assertThat(server.requests().get(0).body()).contains("scope=read");
  }

  @Test
  void oauthTokenRefused_failsWithAuthFailedAndNoSecretInCause() {
    server = new LoopbackServer(r -> Reply.json(401, "{\"error\": \"invalid_client\"}"));
    Connections connections =
        connections(
            """
            {"connections": {"crm": {"platform": "http",
               "auth": {"oauth": {"tokenUrl": "%s/token", "clientId": "client",
                                  "clientSecret": "very-secret-value"}}}}}"""
                .formatted(server.url()));

    TaskResult result =
        invoke(
            connections,
            """
            {"ApiEndpoint": "%s/v1", "Method": "GET", "Authentication": {"ConnectionArn": "crm"}}"""
                .formatted(server.url()));

    assertThat(result.error()).isEqualTo("Mercury.AuthFailed");
    assertThat(result.cause()).contains("401").doesNotContain("very-secret-value");
  }

  @Test
  void unknownConnectionArn_failsWithNoConnection() {
    TaskResult result =
        invoke(
            """
            {"ApiEndpoint": "http://127.0.0.1:9/x", "Method": "GET",
             "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:1:connection/nope/1"}}""");

    assertThat(result.error()).isEqualTo("Mercury.NoConnection");
    assertThat(result.cause()).contains("\"nope\"");
  }

  @Test
  void replyClaimingJsonButMalformed_keepsItsTextAsResponseBody() {
    server = new LoopbackServer(r -> Reply.json(200, "{\"broken\": "));

    TaskResult result =
        invoke("{\"ApiEndpoint\": \"%s/\", \"Method\": \"GET\"}".formatted(server.url()));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().get("ResponseBody").asText()).isEqualTo("{\"broken\": ");
  }

  @Test
  void output_isPlainJson() {
    server = new LoopbackServer(r -> Reply.json(200, "[1, 2]"));

    TaskResult result =
        invoke("{\"ApiEndpoint\": \"%s/\", \"Method\": \"GET\"}".formatted(server.url()));

    assertThat(Json.write(result.output().get("ResponseBody"))).isEqualTo("[1,2]");
  }
}
