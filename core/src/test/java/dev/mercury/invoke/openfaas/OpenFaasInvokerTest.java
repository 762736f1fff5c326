package dev.mercury.invoke.openfaas;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.LoopbackServer;
import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.invoke.Router;
import dev.mercury.transition.StepMessage.TaskResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An OpenFaaS gateway on loopback that checks basic auth, as a gateway with auth enabled does. */
class OpenFaasInvokerTest {
  private static final String AUTH = "Basic YWRtaW46Z2F0ZXdheS1wYXNz"; // admin:gateway-pass

  private LoopbackServer gateway;
  private Router router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private TaskResult invoke(String extra, String input, long timeoutMillis) {
    router =
        new Router(
            connections(
                """
                {"connections": {"resize": {"platform": "openfaas", "url": "%s",
                   "function": "resize-img",
                   "auth": {"basic": {"username": "admin", "passwordEnv": "OPENFAAS_PASSWORD"}}
                   %s}}}"""
                    .formatted(gateway.url(), extra),
                Map.of("OPENFAAS_PASSWORD", "gateway-pass")),
            List.of());
    return call(router, request("mercury:function:resize", input, timeoutMillis));
  }

  private static Reply authorized(LoopbackServer.Request request, Reply reply) {
    return AUTH.equals(request.header("Authorization")) ? reply : Reply.text(401, "Unauthorized");
  }

  @Test
  void sync_postsToFunctionPathWithBasicAuth_returnsReply() {
    gateway = new LoopbackServer(r -> authorized(r, Reply.json(200, "{\"width\": 64}")));

    TaskResult result = invoke("", "{\"url\": \"a.png\"}", 0);

    assertThat(result.output()).isEqualTo(json("{\"width\": 64}"));
    LoopbackServer.Request seen = gateway.last();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/function/resize-img");
    assertThat(json(seen.body())).isEqualTo(json("{\"url\": \"a.png\"}"));
    assertThat(seen.header("Idempotency-Key")).endsWith("/0/1");
  }

  @Test
  void sync_wrongPassword_failsWithStatus401() {
    gateway = new LoopbackServer(r -> Reply.text(401, "Unauthorized"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("OpenFaaS.StatusCode.401");
    assertThat(result.cause()).isEqualTo("Unauthorized").doesNotContain("gateway-pass");
  }

  @Test
  void sync_functionNamesItsError_errorPassesThrough() {
    gateway =
        new LoopbackServer(
            r ->
                Reply.json(
                    500, "{\"errorType\": \"ImageTooLarge\", \"errorMessage\": \"9000 px\"}"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("ImageTooLarge");
    assertThat(result.cause()).isEqualTo("9000 px");
  }

  @Test
  void sync_serverError_failsWithStatusAndBodyAsCause() {
    gateway = new LoopbackServer(r -> Reply.text(502, "upstream died"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("OpenFaaS.StatusCode.502");
    assertThat(result.cause()).isEqualTo("upstream died");
  }

  @Test
  void sync_malformedJson_failsWithMalformedReply() {
    gateway = new LoopbackServer(r -> Reply.json(200, "{\"width\": "));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("Mercury.MalformedReply");
  }

  @Test
  void sync_plainTextReply_isAJsonString() {
    gateway = new LoopbackServer(r -> Reply.text(200, "hello"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.output().asText()).isEqualTo("hello");
  }

  @Test
  void sync_slowFunction_failsWithStatesTimeout() {
    gateway = new LoopbackServer(r -> Reply.json(200, "{}").after(3_000));

    TaskResult result = invoke("", "{}", 300);

    assertThat(result.error()).isEqualTo("States.Timeout");
  }

  @Test
  void sync_gatewayDown_failsWithConnectionFailed() {
    URI refusing = LoopbackServer.refusingUrl();
    gateway = new LoopbackServer(r -> Reply.json(200, "{}"));
    router =
        new Router(
            connections(
                "{\"connections\": {\"resize\": {\"platform\": \"openfaas\", \"url\": \"%s\"}}}"
                    .formatted(refusing)),
            List.of());

    TaskResult result = call(router, request("mercury:function:resize", "{}"));

    assertThat(result.error()).isEqualTo("Mercury.ConnectionFailed");
  }

  @Test
  void async_completesWhenTheQueueWorkerCallsBack() {
    HttpClient worker = HttpClient.newHttpClient();
    gateway =
        new LoopbackServer(
            r ->
                authorized(
                    r,
                    acceptAndCallBack(
                        worker,
                        r,
                        200,
                        "{\"resized\": true}",
                        Map.of("Content-Type", "application/json"))));

    TaskResult result = invoke(", \"async\": true, \"timeoutSeconds\": 10", "{\"n\": 1}", 0);

    assertThat(result.output()).isEqualTo(json("{\"resized\": true}"));
    LoopbackServer.Request queued = gateway.last();
    assertThat(queued.path()).isEqualTo("/async-function/resize-img");
    assertThat(queued.header("X-Callback-Url")).startsWith("http://127.0.0.1:");
  }

  @Test
  void async_callbackWithFunctionError_failsWithItsStatus() {
    HttpClient worker = HttpClient.newHttpClient();
    gateway = new LoopbackServer(r -> acceptAndCallBack(worker, r, 500, "exit status 1", Map.of()));

    TaskResult result = invoke(", \"async\": true, \"timeoutSeconds\": 10", "{}", 0);

    assertThat(result.error()).isEqualTo("OpenFaaS.StatusCode.500");
    assertThat(result.cause()).isEqualTo("exit status 1");
  }

  @Test
  void async_noCallbackInTime_failsWithStatesTimeout() {
    gateway = new LoopbackServer(r -> new Reply(202, Map.of("X-Call-Id", "c1"), "", 0));

    TaskResult result = invoke(", \"async\": true", "{}", 300);

    assertThat(result.error()).isEqualTo("States.Timeout");
  }

  /** Answers 202 as the gateway does, then posts the function's reply as the queue worker does. */
  private static Reply acceptAndCallBack(
      HttpClient worker,
      LoopbackServer.Request request,
      int status,
      String body,
      Map<String, String> headers) {
    String callback = request.header("X-Callback-Url");
    CompletableFuture.runAsync(
        () -> {
          try {
            Thread.sleep(100);
            HttpRequest.Builder post =
                HttpRequest.newBuilder(URI.create(callback))
                    .header("X-Call-Id", "c1")
                    .header("X-Function-Status", Integer.toString(status))
                    .header("X-Function-Name", "resize-img")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(post::header);
            worker.send(post.build(), HttpResponse.BodyHandlers.discarding());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return new Reply(202, Map.of("X-Call-Id", "c1"), "", 0);
  }
}
