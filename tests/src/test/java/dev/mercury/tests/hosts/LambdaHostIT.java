package dev.mercury.tests.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.aws.host.LambdaHandler;
import dev.mercury.aws.invoke.FakeLambda;
import dev.mercury.host.Orchestrator;
import dev.mercury.host.StepBridge;
import dev.mercury.host.StepEnvelope;
import dev.mercury.language.json.Json;
import dev.mercury.transition.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator as a Lambda function, driven as Lambda drives it: Function URL and API Gateway
 * HTTP API events for the API, step envelopes from the bridge for the steps, a Context each time,
 * against a real NATS server and Elasticsearch node.
 */
class LambdaHostIT extends HostTest {
  @Test
  void httpEventsAndBridge_runTaskWaitAndChoice_oneTransitionPerInvocation() throws Exception {
    LambdaHandler handler = new LambdaHandler(fixture.keep(new Orchestrator(fixture::settings)));

    JsonNode unsigned = Json.parseTrusted(invoke(handler, unsignedEvent()));
    assertThat(unsigned.path("statusCode").asInt()).isEqualTo(403);

    String machineArn = createMachine(handler);
    Map<String, Integer> inputs = new HashMap<>();
    for (int n : new int[] {3, 8}) {
      inputs.put(startExecution(handler, machineArn, "run-" + n, n), n);
    }
    Map<String, Long> startVersions = new HashMap<>();
    inputs.keySet().forEach(arn -> startVersions.put(arn, fixture.store().read(arn).version));

    AtomicInteger committed = new AtomicInteger();
    fixture.keep(
        StepBridge.start(
            fixture.bus(4),
            envelope -> {
              StepEnvelope.Reply reply =
                  StepEnvelope.Reply.of(
                      Json.parseTrusted(invoke(handler, envelope.toJson().toString())));
              if (reply == StepEnvelope.Reply.COMMITTED) {
                committed.incrementAndGet();
              }
              return reply;
            },
            Duration.ofMillis(300)));

    long transitions = 0;
    for (Map.Entry<String, Integer> run : inputs.entrySet()) {
      fixture.assertEndedRight(run.getKey(), run.getValue());
      Checkpoint end = fixture.store().read(run.getKey());
      transitions += end.version - startVersions.get(run.getKey());
    }
    assertThat(committed.get()).isEqualTo(transitions);
    assertThat(fixture.functionCalls.get()).isEqualTo(2);

    String arn = inputs.keySet().iterator().next();
    JsonNode described =
        api(
            handler,
            LambdaEvents.functionUrl(
                SignedCall.of(
                    LambdaEvents.URL_HOST,
                    "DescribeExecution",
                    "{\"executionArn\": \"" + arn + "\"}")));
    assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Json.parseTrusted(described.path("output").asText()).path("doubled").asInt())
        .isEqualTo(2 * inputs.get(arn));
  }

  @Test
  void everyInvocationOnAFreshInstance_theExecutionStillEndsRight() throws Exception {
    String machineArn = createMachine(fresh());
    String arn = startExecution(fresh(), machineArn, "stateless", 7);

    Set<Integer> instances = ConcurrentHashMap.newKeySet();
    AtomicInteger committed = new AtomicInteger();
    fixture.keep(
        StepBridge.start(
            fixture.bus(2),
            envelope -> {
              try (Orchestrator orchestrator = new Orchestrator(fixture::settings)) {
                LambdaHandler handler = new LambdaHandler(orchestrator);
                StepEnvelope.Reply reply =
                    StepEnvelope.Reply.of(
                        Json.parseTrusted(invoke(handler, envelope.toJson().toString())));
                if (reply == StepEnvelope.Reply.COMMITTED) {
                  committed.incrementAndGet();
                  instances.add(System.identityHashCode(handler));
                }
                return reply;
              }
            },
            Duration.ofSeconds(1)));

    fixture.assertEndedRight(arn, 7);
    assertThat(committed.get()).isGreaterThanOrEqualTo(5);
    assertThat(instances).hasSize(committed.get());
  }

  @Test
  void bridgeThroughTheLambdaInvoker_signedInvokeCallsRunTheWorkflow() throws Exception {
    LambdaHandler handler = new LambdaHandler(fixture.keep(new Orchestrator(fixture::settings)));
    // Lambda's Invoke API on loopback, checking SigV4, running the handler as the function.
    FakeLambda lambda =
        fixture.keep(
            new FakeLambda()
                .on(
                    "mercury-orchestrator",
                    request -> FakeLambda.Reply.ok(invoke(handler, request.body()))));
    String arn = startExecution(handler, createMachine(handler), "through-lambda", 6);

    bridgeTo(
        Json.write(
            Json.object()
                .put("platform", "aws-lambda")
                .put(
                    "function",
                    "arn:aws:lambda:us-east-1:123456789012:function:mercury-orchestrator")
                .put("region", "us-east-1")
                .put("endpoint", lambda.endpoint().toString())
                .put("accessKeyId", FakeLambda.ACCESS_KEY_ID)
                .put("secretAccessKey", FakeLambda.SECRET_ACCESS_KEY)));

    fixture.assertEndedRight(arn, 6);
    assertThat(lambda.received).isNotEmpty();
    assertThat(lambda.received)
        .allSatisfy(call -> assertThat(call.functionName()).isEqualTo("mercury-orchestrator"));
  }

  private LambdaHandler fresh() {
    return new LambdaHandler(fixture.keep(new Orchestrator(fixture::settings)));
  }

  private String createMachine(LambdaHandler handler) {
    JsonNode created =
        api(
            handler,
            LambdaEvents.functionUrl(
                SignedCall.of(
                    LambdaEvents.URL_HOST,
                    "CreateStateMachine",
                    Json.write(
                        Json.object()
                            .put("name", "sizes")
                            .put("definition", HostFixture.DEFINITION)
                            .put("roleArn", "arn:aws:iam::123456789012:role/mercury")))));
    return created.path("stateMachineArn").asText();
  }

  private String startExecution(LambdaHandler handler, String machineArn, String name, int n) {
    JsonNode started =
        api(
            handler,
            LambdaEvents.httpApi(
                SignedCall.of(
                    LambdaEvents.API_HOST,
                    "StartExecution",
                    Json.write(
                        Json.object()
                            .put("stateMachineArn", machineArn)
                            .put("name", name)
                            .put("input", "{\"n\": " + n + "}")))));
    return started.path("executionArn").asText();
  }

  /** Invokes the handler with an HTTP event; asserts 200 and returns the body. */
  private static JsonNode api(LambdaHandler handler, String event) {
    JsonNode response = Json.parseTrusted(invoke(handler, event));
    assertThat(response.path("statusCode").asInt()).as("%s", response).isEqualTo(200);
    assertThat(response.path("headers").path("content-type").asText())
        .isEqualTo("application/x-amz-json-1.0");
    return Json.parseTrusted(response.path("body").asText());
  }

  static String invoke(LambdaHandler handler, String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String unsignedEvent() {
    SignedCall signed = SignedCall.of(LambdaEvents.URL_HOST, "ListStateMachines", "{}");
    Map<String, String> headers = new HashMap<>(signed.headers());
    headers.remove("Authorization");
    return LambdaEvents.functionUrl(new SignedCall(signed.target(), signed.body(), headers));
  }
}
