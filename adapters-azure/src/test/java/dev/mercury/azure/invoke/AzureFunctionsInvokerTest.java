package dev.mercury.azure.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invoker against a Functions host and Microsoft Entra's token endpoint on loopback. */
class AzureFunctionsInvokerTest {
  private FakeAzure azure;
  private final MovableClock clock = new MovableClock();
  private final List<AzureFunctionsInvoker> invokers = new ArrayList<>();

  /** Lets a test jump past a token's renewal time. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void start() throws IOException {
    azure =
        new FakeAzure()
            .on("keyed", FakeAzure.Auth.KEY, FakeAzure.ECHO)
            .on("entra", FakeAzure.Auth.TOKEN, FakeAzure.ECHO)
            .on("open", FakeAzure.Auth.ANONYMOUS, FakeAzure.ECHO);
  }

  @AfterEach
  void stop() {
    invokers.forEach(AzureFunctionsInvoker::close);
    azure.close();
  }

  private Map<String, Object> keySettings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("url", azure.base() + "/api/{function}");
    settings.put("functionKey", FakeAzure.FUNCTION_KEY);
    return settings;
  }

  private Map<String, Object> entraSettings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("url", azure.base() + "/api/{function}");
    settings.put("authority", azure.base());
    settings.put("tenantId", FakeAzure.TENANT);
    settings.put("clientId", FakeAzure.CLIENT_ID);
    settings.put("clientSecret", FakeAzure.CLIENT_SECRET);
    settings.put("scope", FakeAzure.SCOPE);
    return settings;
  }

  private AzureFunctionsInvoker invoker(Map<String, Object> settings) {
    AzureFunctionsInvoker invoker =
        new AzureFunctionsInvoker(AzureFunctionsSettings.from(settings, name -> null), clock);
    invokers.add(invoker);
    return invoker;
  }

  private static InvokeRequest request(String function, String parameters, long timeoutMillis) {
    return new InvokeRequest(
        "arn:aws:states:us-east-1:123456789012:execution:flow:run-1",
        0,
        2,
        "Call",
        "azure-functions:orders:" + function,
        Json.parseTrusted(parameters),
        0,
        timeoutMillis,
        null,
        "run-1/0/2/0");
  }

  private static TaskResult await(CompletableFuture<TaskResult> future) throws Exception {
    return future.get(20, TimeUnit.SECONDS);
  }

  private static TaskResult assertFailed(TaskResult result, String error) {
    assertThat(result.succeeded()).as("%s", result).isFalse();
    assertThat(result.error()).isEqualTo(error);
    assertThat(result.cause())
        .doesNotContain(FakeAzure.FUNCTION_KEY)
        .doesNotContain(URLEncoder.encode(FakeAzure.FUNCTION_KEY, StandardCharsets.UTF_8))
        .doesNotContain(FakeAzure.CLIENT_SECRET);
    return result;
  }

  @Test
  void invoke_functionKey_goesInTheHeader() throws Exception {
    TaskResult result = await(invoker(keySettings()).invoke(request("keyed", "{\"n\": 1}", 0)));

    assertThat(result.output()).isEqualTo(Json.parseTrusted("{\"n\":1}"));
    FakeAzure.Call call = azure.calls.get(0);
    assertThat(call.header("x-functions-key")).isEqualTo(FakeAzure.FUNCTION_KEY);
    assertThat(call.query()).isNull();
    assertThat(call.header("Idempotency-Key")).isEqualTo("run-1/0/2/0");
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void invoke_keyInQuery_goesAsCode() throws Exception {
    Map<String, Object> settings = keySettings();
    settings.put("keyIn", "query");

    TaskResult result = await(invoker(settings).invoke(request("keyed", "[]", 0)));

    assertThat(result.succeeded()).as("%s", result).isTrue();
    FakeAzure.Call call = azure.calls.get(0);
    assertThat(call.header("x-functions-key")).isNull();
    assertThat(call.query())
        .isEqualTo("code=" + URLEncoder.encode(FakeAzure.FUNCTION_KEY, StandardCharsets.UTF_8));
  }

  @Test
  void invoke_keyFromEnvironment_isUsed() throws Exception {
    Map<String, Object> settings = keySettings();
    settings.remove("functionKey");
    settings.put("functionKeyEnv", "ORDERS_FUNCTION_KEY");
    AzureFunctionsInvoker invoker =
        new AzureFunctionsInvoker(
            AzureFunctionsSettings.from(
                settings,
                name -> name.equals("ORDERS_FUNCTION_KEY") ? FakeAzure.FUNCTION_KEY : null),
            clock);
    invokers.add(invoker);

    assertThat(await(invoker.invoke(request("keyed", "1", 0))).output().asInt()).isEqualTo(1);
  }

  @Test
  void invoke_wrongKey_failsWith401() throws Exception {
    Map<String, Object> settings = keySettings();
    settings.put("functionKey", "not-the-key");

    TaskResult result = await(invoker(settings).invoke(request("keyed", "{}", 0)));

    assertThat(assertFailed(result, "States.Http.StatusCode.401").cause())
        .doesNotContain("not-the-key");
    assertThat(azure.refused).hasValue(1);
  }

  @Test
  void invoke_keyInQueryAndHostDown_causeHidesTheKey() throws Exception {
    Map<String, Object> settings = keySettings();
    settings.put("keyIn", "query");
    settings.put("url", "http://127.0.0.1:" + closedPort() + "/api/{function}");

    TaskResult result = await(invoker(settings).invoke(request("keyed", "{}", 0)));

    assertThat(assertFailed(result, "States.Http.Socket").cause()).startsWith("Could not call");
  }

  @Test
  void invoke_anonymousTrigger_needsNoCredentials() throws Exception {
    Map<String, Object> settings = Map.of("url", azure.base() + "/api/{function}");

    TaskResult result = await(invoker(settings).invoke(request("open", "\"hi\"", 0)));

    assertThat(result.output().asText()).isEqualTo("hi");
  }

  @Test
  void invoke_entraClientCredentials_sendsTheIssuedBearerToken() throws Exception {
    TaskResult result = await(invoker(entraSettings()).invoke(request("entra", "{}", 0)));

    assertThat(result.succeeded()).as("%s", result).isTrue();
    Map<String, String> form = azure.tokenRequests.get(0);
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", FakeAzure.CLIENT_ID)
        .containsEntry("client_secret", FakeAzure.CLIENT_SECRET)
        .containsEntry("scope", FakeAzure.SCOPE);
    assertThat(azure.calls.get(0).header("Authorization")).startsWith("Bearer ");
  }

  @Test
  void invoke_entraTwice_reusesTheToken() throws Exception {
    AzureFunctionsInvoker invoker = invoker(entraSettings());

    await(invoker.invoke(request("entra", "1", 0)));
    await(invoker.invoke(request("entra", "2", 0)));

    assertThat(azure.tokenRequests).hasSize(1);
    assertThat(azure.calls).hasSize(2);
  }

  @Test
  void invoke_tokenNearExpiry_isRenewed() throws Exception {
    AzureFunctionsInvoker invoker = invoker(entraSettings());
    await(invoker.invoke(request("entra", "1", 0)));

    clock.advance(Duration.ofMinutes(56));
    TaskResult second = await(invoker.invoke(request("entra", "2", 0)));

    assertThat(second.succeeded()).isTrue();
    assertThat(azure.tokenRequests).hasSize(2);
  }

  @Test
  void invoke_wrongClientSecret_failsAsPermissions() throws Exception {
    Map<String, Object> settings = entraSettings();
    settings.put("clientSecret", "wrong~secret");

    TaskResult result = await(invoker(settings).invoke(request("entra", "{}", 0)));

    assertThat(assertFailed(result, "States.Permissions").cause())
        .contains("AADSTS7000215")
        .contains(FakeAzure.SCOPE)
        .doesNotContain("wrong~secret");
    assertThat(azure.calls).isEmpty();
  }

  @Test
  void invoke_unknownTenant_failsAsPermissions() throws Exception {
    Map<String, Object> settings = entraSettings();
    settings.put("tenantId", "other-tenant");

    TaskResult result = await(invoker(settings).invoke(request("entra", "{}", 0)));

    assertThat(assertFailed(result, "States.Permissions").cause()).contains("AADSTS90002");
  }

  @Test
  void invoke_authorityUnreachable_failsAsSocketError() throws Exception {
    Map<String, Object> settings = entraSettings();
    settings.put("authority", "http://127.0.0.1:" + closedPort());

    TaskResult result = await(invoker(settings).invoke(request("entra", "{}", 0)));

    assertFailed(result, "States.Http.Socket");
  }

  @Test
  void invoke_tokenFromAnotherApp_failsWith401() throws Exception {
    azure.on("keyed-only", FakeAzure.Auth.KEY, FakeAzure.ECHO);

    TaskResult result = await(invoker(entraSettings()).invoke(request("keyed-only", "{}", 0)));

    assertFailed(result, "States.Http.StatusCode.401");
  }

  @Test
  void invoke_functionThrows_failsWith500() throws Exception {
    azure.on(
        "throws",
        FakeAzure.Auth.KEY,
        call -> {
          throw new IllegalStateException("boom");
        });

    TaskResult result = await(invoker(keySettings()).invoke(request("throws", "{}", 0)));

    assertThat(assertFailed(result, "States.Http.StatusCode.500").cause()).contains("HTTP 500");
  }

  @Test
  void invoke_errorReplyNamingItsError_failsWithThatError() throws Exception {
    azure.on(
        "reserve",
        FakeAzure.Auth.KEY,
        call ->
            new FakeAzure.Reply(
                409,
                "application/json",
                "{\"errorType\": \"OutOfStock\", \"errorMessage\": \"2 left of sku-1\"}"));

    TaskResult result = await(invoker(keySettings()).invoke(request("reserve", "{}", 0)));

    assertThat(assertFailed(result, "OutOfStock").cause()).isEqualTo("2 left of sku-1");
  }

  @Test
  void invoke_unknownFunction_failsWith404() throws Exception {
    TaskResult result = await(invoker(keySettings()).invoke(request("missing", "{}", 0)));

    assertFailed(result, "States.Http.StatusCode.404");
  }

  @Test
  void invoke_slowFunction_timesOut() throws Exception {
    azure.on(
        "slow",
        FakeAzure.Auth.KEY,
        call -> {
          Thread.sleep(3000);
          return FakeAzure.Reply.json("{}");
        });
    long started = System.nanoTime();

    TaskResult result = await(invoker(keySettings()).invoke(request("slow", "{}", 300)));

    assertFailed(result, "States.Timeout");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);
  }

  @Test
  void invoke_malformedJson_failsAsTaskFailed() throws Exception {
    azure.on("garbled", FakeAzure.Auth.KEY, call -> FakeAzure.Reply.json("[1, 2"));

    TaskResult result = await(invoker(keySettings()).invoke(request("garbled", "{}", 0)));

    assertFailed(result, "States.TaskFailed");
  }

  @Test
  void invoke_manyCalls_neverExceedMaxConcurrency() throws Exception {
    azure.on(
        "steady",
        FakeAzure.Auth.KEY,
        call -> {
          Thread.sleep(150);
          return FakeAzure.Reply.json("true");
        });
    Map<String, Object> settings = keySettings();
    settings.put("maxConcurrency", 3);
    AzureFunctionsInvoker invoker = invoker(settings);

    List<CompletableFuture<TaskResult>> calls = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      calls.add(invoker.invoke(request("steady", "{}", 0)));
    }

    for (CompletableFuture<TaskResult> call : calls) {
      assertThat(await(call).succeeded()).isTrue();
    }
    assertThat(azure.mostInFlight.get()).isEqualTo(3);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
