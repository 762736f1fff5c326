package dev.mercury.invoke.openwhisk;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.LoopbackServer;
import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.invoke.Router;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenWhisk REST API on loopback; it checks the namespace's API key as basic auth. */
class OpenWhiskInvokerTest {
  private static final String KEY = "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1";
  private static final String AUTH =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private LoopbackServer api;
  private Router router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private TaskResult invoke(String input, long timeoutMillis) {
    router =
        new Router(
            connections(
                """
                {"connections": {"thumb": {"platform": "openwhisk", "url": "%s",
                   "namespace": "guest", "function": "images/thumbnail",
                   "auth": {"basic": {"credentialsEnv": "WSK_AUTH"}}}}}"""
                    .formatted(api.url()),
                Map.of("WSK_AUTH", KEY)),
            List.of());
    return call(router, request("mercury:function:thumb", input, timeoutMillis));
  }

  private static Reply authorized(LoopbackServer.Request request, Reply reply) {
    return AUTH.equals(request.header("Authorization"))
        ? reply
        : Reply.json(401, "{\"error\": \"The supplied authentication is invalid\", \"code\": 1}");
  }

  @Test
  void blocking_resultOnly_returnsActionResult() {
    api = new LoopbackServer(r -> authorized(r, Reply.json(200, "{\"size\": 128}")));

    TaskResult result = invoke("{\"image\": \"a.png\"}", 0);

    assertThat(result.output()).isEqualTo(json("{\"size\": 128}"));
    LoopbackServer.Request seen = api.last();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/api/v1/namespaces/guest/actions/images/thumbnail");
    assertThat(seen.query()).isEqualTo("blocking=true&result=true");
    assertThat(json(seen.body())).isEqualTo(json("{\"image\": \"a.png\"}"));
  }

  @Test
  void input_notAnObject_isWrappedAsValue() {
    api = new LoopbackServer(r -> authorized(r, Reply.json(200, "{}")));

    invoke("[1, 2]", 0);

    assertThat(json(api.last().body())).isEqualTo(json("{\"value\": [1, 2]}"));
  }

  @Test
  void actionError_failsWithActionErrorAndItsMessage() {
    api = new LoopbackServer(r -> authorized(r, Reply.json(502, "{\"error\": \"image missing\"}")));

    TaskResult result = invoke("{}", 0);

    assertThat(result.error()).isEqualTo("OpenWhisk.ActionError");
    assertThat(result.cause()).isEqualTo("image missing");
  }

  @Test
  void actionErrorWithErrorType_namesTheAslError() {
    api =
        new LoopbackServer(
            r ->
                authorized(
                    r,
                    Reply.json(
                        502,
                        "{\"error\": {\"errorType\": \"BadImage\", \"errorMessage\": \"not png\"}}")));

    TaskResult result = invoke("{}", 0);

    assertThat(result.error()).isEqualTo("BadImage");
    assertThat(result.cause()).isEqualTo("not png");
  }

  @Test
  void wrongKey_failsWithStatus401AndOpenWhisksMessage() {
    api =
        new LoopbackServer(
            r -> Reply.json(401, "{\"error\": \"The supplied authentication is invalid\"}"));

    TaskResult result = invoke("{}", 0);

    assertThat(result.error()).isEqualTo("OpenWhisk.StatusCode.401");
    assertThat(result.cause()).isEqualTo("The supplied authentication is invalid");
  }

  @Test
  void longAction_accepted_pollsActivationUntilDone() {
    AtomicInteger reads = new AtomicInteger();
    api =
        new LoopbackServer(
            r -> {
              if (r.path().endsWith("/actions/images/thumbnail")) {
                return authorized(r, Reply.json(202, "{\"activationId\": \"abc123\"}"));
              }
              if (r.path().equals("/api/v1/namespaces/guest/activations/abc123")) {
                return reads.incrementAndGet() < 2
                    ? Reply.json(404, "{\"error\": \"The requested resource does not exist.\"}")
                    : authorized(
                        r,
                        Reply.json(
                            200,
                            """
                            {"activationId": "abc123", "response": {"status": "success",
                             "success": true, "result": {"done": true}}}"""));
              }
              return Reply.json(404, "{}");
            });

    TaskResult result = invoke("{}", 10_000);

    assertThat(result.output()).isEqualTo(json("{\"done\": true}"));
    assertThat(reads).hasValue(2);
  }

  @Test
  void malformedResult_failsWithMalformedReply() {
    api = new LoopbackServer(r -> authorized(r, Reply.json(200, "{\"size\": ")));

    TaskResult result = invoke("{}", 0);

    assertThat(result.error()).isEqualTo("Mercury.MalformedReply");
  }

  @Test
  void slowApi_failsWithStatesTimeout() {
    api = new LoopbackServer(r -> Reply.json(200, "{}").after(3_000));

    TaskResult result = invoke("{}", 300);

    assertThat(result.error()).isEqualTo("States.Timeout");
  }
}
