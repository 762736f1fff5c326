package dev.mercury.aws.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invoker against Lambda's Invoke API served on loopback, with every signature checked. */
class LambdaInvokerTest {
  private static final String ECHO_ARN = "arn:aws:lambda:us-east-1:123456789012:function:echo";
  private static final String SERVICE = "arn:aws:states:::lambda:invoke";
  private static final String RAISED =
      "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\","
          + " \"requestId\": \"5ee8fa4a\", \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\","
          + " line 2, in handler\\n\"]}";

  private FakeLambda lambda;
  private final List<LambdaInvoker> invokers = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    lambda = new FakeLambda().on("echo", FakeLambda.ECHO);
  }

  @AfterEach
  void stop() {
    invokers.forEach(LambdaInvoker::close);
    lambda.close();
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("region", "us-east-1");
    settings.put("endpoint", lambda.endpoint().toString());
    settings.put("accessKeyId", FakeLambda.ACCESS_KEY_ID);
    settings.put("secretAccessKey", FakeLambda.SECRET_ACCESS_KEY);
    return settings;
  }

  private LambdaInvoker invoker(Map<String, Object> settings) {
    LambdaInvoker invoker = new LambdaInvoker(LambdaSettings.from(settings, name -> null));
    invokers.add(invoker);
    return invoker;
  }

  private LambdaInvoker invoker() {
    return invoker(settings());
  }

  private static InvokeRequest request(String resource, String parameters, long timeoutMillis) {
    return new InvokeRequest(
        "arn:aws:states:us-east-1:123456789012:execution:flow:run-1",
        0,
        1,
        "Call",
        resource,
        Json.parseTrusted(parameters),
        0,
        timeoutMillis,
        null,
        "run-1/0/1");
  }

  private static TaskResult await(CompletableFuture<TaskResult> future) throws Exception {
    return future.get(20, TimeUnit.SECONDS);
  }

  private TaskResult call(String resource, String parameters) throws Exception {
    return await(invoker().invoke(request(resource, parameters, 0)));
  }

  private static TaskResult assertFailed(TaskResult result, String error) {
    assertThat(result.succeeded()).as("%s", result).isFalse();
    assertThat(result.error()).isEqualTo(error);
    assertThat(result.cause()).doesNotContain(FakeLambda.SECRET_ACCESS_KEY);
    return result;
  }

  @Test
  void invoke_functionArn_returnsThePayloadAsIs() throws Exception {
    TaskResult result = call(ECHO_ARN, "{\"order\": 7, \"items\": [\"a\"]}");

    assertThat(result.output()).isEqualTo(Json.parseTrusted("{\"order\":7,\"items\":[\"a\"]}"));
    assertThat(lambda.rejected).hasValue(0);
    assertThat(lambda.received)
        .singleElement()
        .satisfies(
            received -> {
              assertThat(received.functionName()).isEqualTo("echo");
              assertThat(received.region()).isEqualTo("us-east-1");
              assertThat(received.header("Authorization")).contains(FakeLambda.ACCESS_KEY_ID);
            });
  }

  @Test
  void invoke_functionArnWithQualifier_callsThatVersion() throws Exception {
    TaskResult result = call(ECHO_ARN + ":live", "[1, 2]");

    assertThat(result.output()).isEqualTo(Json.parseTrusted("[1,2]"));
    assertThat(lambda.received.get(0).qualifier()).isEqualTo("live");
  }

  @Test
  void invoke_functionArnInOtherRegion_signsForThatRegion() throws Exception {
    call("arn:aws:lambda:eu-west-3:123456789012:function:echo", "{}");

    assertThat(lambda.received.get(0).region()).isEqualTo("eu-west-3");
  }

  @Test
  void invoke_lambdaInvoke_returnsTheStepFunctionsShape() throws Exception {
    TaskResult result = call(SERVICE, "{\"FunctionName\": \"echo\", \"Payload\": {\"x\": 1}}");

    JsonNode output = result.output();
    assertThat(output.fieldNames())
        .toIterable()
        .containsExactly(
            "ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
    assertThat(output.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(output.get("Payload")).isEqualTo(Json.parseTrusted("{\"x\":1}"));
    assertThat(output.get("StatusCode").asInt()).isEqualTo(200);
    JsonNode http = output.get("SdkHttpMetadata");
    assertThat(http.get("HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(header(http.get("AllHttpHeaders"), "X-Amz-Executed-Version").get(0).asText())
        .isEqualTo("$LATEST");
    assertThat(header(http.get("HttpHeaders"), "Content-Type").asText())
        .isEqualTo("application/json");
    String requestId = header(http.get("HttpHeaders"), "x-amzn-RequestId").asText();
    assertThat(output.at("/SdkResponseMetadata/RequestId").asText()).isEqualTo(requestId);
  }

  @Test
  void invoke_lambdaInvokeWithFunctionArn_signsForItsRegion() throws Exception {
    call(SERVICE, "{\"FunctionName\": \"arn:aws:lambda:ap-south-1:123456789012:function:echo\"}");

    assertThat(lambda.received.get(0).region()).isEqualTo("ap-south-1");
  }

  @Test
  void invoke_textPayload_isSentAsItsText() throws Exception {
    TaskResult result = call(SERVICE, "{\"FunctionName\": \"echo\", \"Payload\": \"0\"}");

    assertThat(lambda.received.get(0).body()).isEqualTo("0");
    assertThat(result.output().get("Payload")).isEqualTo(Json.parseTrusted("0"));
  }

  @Test
  void invoke_nullPayload_isSentAsJsonNull() throws Exception {
    call(SERVICE, "{\"FunctionName\": \"echo\", \"Payload\": null}");

    assertThat(lambda.received.get(0).body()).isEqualTo("null");
  }

  @Test
  void invoke_eventInvocation_returns202AndAnEmptyPayload() throws Exception {
    TaskResult result =
        call(
            SERVICE,
            "{\"FunctionName\": \"echo\", \"InvocationType\": \"Event\", \"Payload\": {}}");

    assertThat(lambda.received.get(0).invocationType()).isEqualTo("Event");
    assertThat(result.output().get("StatusCode").asInt()).isEqualTo(202);
    assertThat(result.output().get("Payload").asText()).isEmpty();
    assertThat(result.output().has("ExecutedVersion")).isFalse();
  }

  @Test
  void invoke_dryRun_returns204() throws Exception {
    TaskResult result =
        call(SERVICE, "{\"FunctionName\": \"echo\", \"InvocationType\": \"DryRun\"}");

    assertThat(result.output().get("StatusCode").asInt()).isEqualTo(204);
  }

  @Test
  void invoke_qualifierAndClientContext_reachTheService() throws Exception {
    call(
        SERVICE,
        "{\"FunctionName\": \"echo\", \"Qualifier\": \"3\", \"ClientContext\": \"eyJhIjoxfQ==\"}");

    FakeLambda.Received received = lambda.received.get(0);
    assertThat(received.qualifier()).isEqualTo("3");
    assertThat(received.header("X-Amz-Client-Context")).isEqualTo("eyJhIjoxfQ==");
  }

  @Test
  void invoke_logTypeTail_addsLogResult() throws Exception {
    lambda.on(
        "logged",
        request -> {
          FakeLambda.Reply reply = FakeLambda.Reply.ok("1");
          reply.headers().put("X-Amz-Log-Result", "U1RBUlQ=");
          return reply;
        });

    TaskResult result = call(SERVICE, "{\"FunctionName\": \"logged\", \"LogType\": \"Tail\"}");

    assertThat(lambda.received.get(0).header("X-Amz-Log-Type")).isEqualTo("Tail");
    assertThat(result.output().get("LogResult").asText()).isEqualTo("U1RBUlQ=");
  }

  @Test
  void invoke_functionError_failsWithErrorTypeAndThePayloadAsCause() throws Exception {
    lambda.on("raise", request -> FakeLambda.Reply.functionError(RAISED));

    TaskResult direct = call("arn:aws:lambda:us-east-1:123456789012:function:raise", "{}");
    TaskResult service = call(SERVICE, "{\"FunctionName\": \"raise\"}");

    assertThat(assertFailed(direct, "Exception").cause()).isEqualTo(RAISED);
    assertThat(assertFailed(service, "Exception").cause()).isEqualTo(RAISED);
  }

  @Test
  void invoke_functionErrorWithoutErrorType_failsAsLambdaUnknown() throws Exception {
    lambda.on(
        "crash", request -> FakeLambda.Reply.functionError("Process exited before completing"));

    TaskResult result = call(SERVICE, "{\"FunctionName\": \"crash\"}");

    assertThat(assertFailed(result, "Lambda.Unknown").cause())
        .isEqualTo("Process exited before completing");
  }

  @Test
  void invoke_throttled_failsAsTooManyRequestsWithoutRetrying() throws Exception {
    lambda.on(
        "busy",
        request ->
            FakeLambda.Reply.serviceError(429, "TooManyRequestsException", "Rate Exceeded."));

    TaskResult result = call(SERVICE, "{\"FunctionName\": \"busy\"}");

    assertThat(assertFailed(result, "Lambda.TooManyRequestsException").cause())
        .startsWith("Rate Exceeded. (Service: AWSLambda; Status Code: 429;")
        .contains("Error Code: TooManyRequestsException; Request ID: ");
    assertThat(lambda.received).hasSize(1);
  }

  @Test
  void invoke_unknownFunction_failsAsResourceNotFound() throws Exception {
    TaskResult result = call(SERVICE, "{\"FunctionName\": \"no_such_function\"}");

    assertThat(assertFailed(result, "Lambda.ResourceNotFoundException").cause())
        .startsWith(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:no_such_function"
                + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;")
        .endsWith("; Proxy: null)");
  }

  @Test
  void invoke_serviceFault_failsAsServiceException() throws Exception {
    lambda.on(
        "faulty",
        request -> FakeLambda.Reply.serviceError(500, "ServiceException", "Internal failure"));

    TaskResult result = call(ECHO_ARN.replace("echo", "faulty"), "{}");

    assertThat(assertFailed(result, "Lambda.ServiceException").cause())
        .contains("Status Code: 500");
  }

  @Test
  void invoke_unmodeledServiceError_failsAsAwsLambdaException() throws Exception {
    lambda.on("gateway", request -> FakeLambda.Reply.raw(502, "text/html", "<html>Bad</html>"));

    TaskResult result = call(SERVICE, "{\"FunctionName\": \"gateway\"}");

    assertThat(assertFailed(result, "Lambda.AWSLambdaException").cause())
        .contains("Status Code: 502");
  }

  @Test
  void invoke_wrongSecret_isRejectedByTheSignatureCheck() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("secretAccessKey", "not-the-secret");

    TaskResult result = await(invoker(settings).invoke(request(ECHO_ARN, "{}", 0)));

    assertThat(assertFailed(result, "Lambda.AWSLambdaException").cause())
        .contains("signature we calculated does not match")
        .doesNotContain("not-the-secret");
    assertThat(lambda.rejected).hasValue(1);
    assertThat(lambda.received).isEmpty();
  }

  @Test
  void invoke_sessionToken_isSentAndSigned() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("sessionToken", "session-token-1");

    TaskResult result = await(invoker(settings).invoke(request(ECHO_ARN, "{}", 0)));

    assertThat(result.succeeded()).isTrue();
    FakeLambda.Received received = lambda.received.get(0);
    assertThat(received.header("X-Amz-Security-Token")).isEqualTo("session-token-1");
    assertThat(received.header("Authorization")).contains("x-amz-security-token");
  }

  @Test
  void invoke_slowFunction_timesOutAtTheTasksTimeout() throws Exception {
    lambda.on(
        "slow",
        request -> {
          Thread.sleep(3000);
          return FakeLambda.Reply.ok("{}");
        });
    long started = System.nanoTime();

    TaskResult result =
        await(invoker().invoke(request(SERVICE, "{\"FunctionName\": \"slow\"}", 300)));

    assertFailed(result, "States.Timeout");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);
  }

  @Test
  void invoke_slowFunction_timesOutAtTheConnectionsTimeout() throws Exception {
    lambda.on(
        "slow",
        request -> {
          Thread.sleep(3000);
          return FakeLambda.Reply.ok("{}");
        });
    Map<String, Object> settings = settings();
    settings.put("timeoutSeconds", 0.3);

    TaskResult result =
        await(invoker(settings).invoke(request(SERVICE, "{\"FunctionName\": \"slow\"}", 0)));

    assertFailed(result, "States.Timeout");
  }

  @Test
  void invoke_refusedConnection_failsAsSdkClientException() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("endpoint", "http://127.0.0.1:" + closedPort());

    TaskResult result = await(invoker(settings).invoke(request(ECHO_ARN, "{}", 0)));

    assertThat(assertFailed(result, "Lambda.SdkClientException").cause()).isNotBlank();
  }

  @Test
  void invoke_replyCutShort_failsAsSdkClientException() throws Exception {
    lambda.on("cut", request -> FakeLambda.Reply.ok("{\"long\": \"enough to cut\"}").truncated());

    TaskResult result = call(SERVICE, "{\"FunctionName\": \"cut\"}");

    assertFailed(result, "Lambda.SdkClientException");
  }

  @Test
  void invoke_payloadNotJson_isKeptAsText() throws Exception {
    lambda.on("plain", request -> FakeLambda.Reply.raw(200, "text/plain", "hello <world>"));

    TaskResult direct = call(ECHO_ARN.replace("echo", "plain"), "{}");
    TaskResult service = call(SERVICE, "{\"FunctionName\": \"plain\"}");

    assertThat(direct.output()).isEqualTo(Json.NODES.textNode("hello <world>"));
    assertThat(service.output().get("Payload")).isEqualTo(Json.NODES.textNode("hello <world>"));
  }

  @Test
  void invoke_manyCalls_neverExceedMaxConcurrency() throws Exception {
    lambda.on(
        "steady",
        request -> {
          Thread.sleep(150);
          return FakeLambda.Reply.ok("true");
        });
    Map<String, Object> settings = settings();
    settings.put("maxConcurrency", 2);
    LambdaInvoker invoker = invoker(settings);

    List<CompletableFuture<TaskResult>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(invoker.invoke(request(SERVICE, "{\"FunctionName\": \"steady\"}", 0)));
    }

    for (CompletableFuture<TaskResult> call : calls) {
      assertThat(await(call).succeeded()).isTrue();
    }
    assertThat(lambda.mostInFlight.get()).isEqualTo(2);
  }

  @Test
  void invoke_waitingForASlot_spendsTheTimeout() throws Exception {
    lambda.on(
        "slow",
        request -> {
          Thread.sleep(1500);
          return FakeLambda.Reply.ok("{}");
        });
    Map<String, Object> settings = settings();
    settings.put("maxConcurrency", 1);
    LambdaInvoker invoker = invoker(settings);

    CompletableFuture<TaskResult> first =
        invoker.invoke(request(SERVICE, "{\"FunctionName\": \"slow\"}", 0));
    Thread.sleep(100);
    TaskResult second = await(invoker.invoke(request(ECHO_ARN, "{}", 200)));

    assertThat(assertFailed(second, "States.Timeout").cause()).contains("No free slot");
    assertThat(await(first).succeeded()).isTrue();
  }

  @Test
  void invoke_unknownParameter_failsAsRuntimeError() throws Exception {
    TaskResult result = call(SERVICE, "{\"FunctionName\": \"echo\", \"Body\": 1}");

    assertThat(assertFailed(result, "States.Runtime").cause()).contains("'Body'");
    assertThat(lambda.received).isEmpty();
  }

  @Test
  void invoke_otherResource_failsAsRuntimeError() throws Exception {
    TaskResult result = call("arn:aws:states:::sqs:sendMessage", "{}");

    assertFailed(result, "States.Runtime");
  }

  /** The loopback server spells header names its own way; HTTP names ignore case. */
  private static JsonNode header(JsonNode headers, String name) {
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    throw new AssertionError("No header " + name + " in " + headers);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
