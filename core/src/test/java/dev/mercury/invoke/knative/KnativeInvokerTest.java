package dev.mercury.invoke.knative;

import static dev.mercury.invoke.Calls.call;
import static dev.mercury.invoke.Calls.connections;
import static dev.mercury.invoke.Calls.json;
import static dev.mercury.invoke.Calls.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.invoke.LoopbackServer;
import dev.mercury.invoke.LoopbackServer.Reply;
import dev.mercury.invoke.Router;
import dev.mercury.transition.StepMessage.TaskResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A CloudEvents receiver on loopback that refuses events missing a required attribute. */
class KnativeInvokerTest {
  private LoopbackServer service;
  private Router router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private TaskResult invoke(String extra, String input, long timeoutMillis) {
    router =
        new Router(
            connections(
                "{\"connections\": {\"enrich\": {\"platform\": \"knative\", \"url\": \"%s/\"%s}}}"
                    .formatted(service.url(), extra),
                Map.of("KN_TOKEN", "t0k")),
            List.of());
    return call(router, request("mercury:function:enrich", input, timeoutMillis));
  }

  /** Checks the binary mode's required attributes as a CloudEvents 1.0 receiver does. */
  private static Reply receive(LoopbackServer.Request event, Reply reply) {
    for (String attribute : List.of("ce-id", "ce-source", "ce-type", "ce-specversion")) {
      if (event.header(attribute) == null || event.header(attribute).isBlank()) {
        return Reply.text(400, "missing " + attribute);
      }
    }
    return "1.0".equals(event.header("ce-specversion")) ? reply : Reply.text(400, "bad version");
  }

  @Test
  void event_binaryMode_carriesAttributesAndInputAsData() {
    service = new LoopbackServer(r -> receive(r, Reply.json(200, "{\"score\": 3}")));

    TaskResult result = invoke(", \"type\": \"com.example.enrich\"", "{\"user\": 1}", 0);

    assertThat(result.output()).isEqualTo(json("{\"score\": 3}"));
    LoopbackServer.Request event = service.last();
    assertThat(event.header("ce-specversion")).isEqualTo("1.0");
    assertThat(event.header("ce-id"))
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:test:run/0/1");
    assertThat(event.header("ce-source"))
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:test:run");
    assertThat(event.header("ce-type")).isEqualTo("com.example.enrich");
    assertThat(event.header("ce-subject")).isEqualTo("Call");
    assertThat(Instant.parse(event.header("ce-time"))).isBeforeOrEqualTo(Instant.now());
    assertThat(event.header("Content-Type")).isEqualTo("application/json");
    assertThat(json(event.body())).isEqualTo(json("{\"user\": 1}"));
  }

  @Test
  void event_defaultType_isMercuryTask() {
    service = new LoopbackServer(r -> receive(r, Reply.json(200, "{}")));

    invoke("", "{}", 0);

    assertThat(service.last().header("ce-type")).isEqualTo("dev.mercury.task");
  }

  @Test
  void event_acceptedWithoutReply_resultIsNull() {
    service = new LoopbackServer(r -> receive(r, new Reply(202, Map.of(), "", 0)));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().isNull()).isTrue();
  }

  @Test
  void event_bearerAuth_sendsToken() {
    service =
        new LoopbackServer(
            r ->
                "Bearer t0k".equals(r.header("Authorization"))
                    ? Reply.json(200, "{}")
                    : Reply.text(403, "forbidden"));

    TaskResult result = invoke(", \"auth\": {\"bearer\": {\"tokenEnv\": \"KN_TOKEN\"}}", "{}", 0);

    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void event_serviceUnavailable_failsWithKnativeStatus() {
    service = new LoopbackServer(r -> Reply.text(503, "no revision ready"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("Knative.StatusCode.503");
    assertThat(result.cause()).isEqualTo("no revision ready");
  }

  @Test
  void event_slowService_failsWithStatesTimeout() {
    service = new LoopbackServer(r -> Reply.json(200, "{}").after(3_000));

    TaskResult result = invoke("", "{}", 300);

    assertThat(result.error()).isEqualTo("States.Timeout");
  }

  @Test
  void event_nothingListening_failsWithConnectionFailed() {
    service = new LoopbackServer(r -> Reply.json(200, "{}"));
    router =
        new Router(
            connections(
                "{\"connections\": {\"enrich\": {\"platform\": \"knative\", \"url\": \"%s\"}}}"
                    .formatted(LoopbackServer.refusingUrl())),
            List.of());

    TaskResult result = call(router, request("mercury:function:enrich", "{}"));

    assertThat(result.error()).isEqualTo("Mercury.ConnectionFailed");
  }

  @Test
  void event_malformedReply_failsWithMalformedReply() {
    service = new LoopbackServer(r -> Reply.json(200, "not json"));

    TaskResult result = invoke("", "{}", 0);

    assertThat(result.error()).isEqualTo("Mercury.MalformedReply");
  }
}
