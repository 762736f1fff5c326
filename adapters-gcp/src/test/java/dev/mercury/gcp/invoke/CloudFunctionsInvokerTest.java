package dev.mercury.gcp.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invoker against Google's token endpoint, metadata server and an authenticating function front
 * end, all on loopback, each checking the signatures it is shown.
 */
class CloudFunctionsInvokerTest {
  private FakeGoogle google;
  private final List<CloudFunctionsInvoker> invokers = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    google = new FakeGoogle().on("echo", FakeGoogle.ECHO);
  }

  @AfterEach
  void stop() {
    invokers.forEach(CloudFunctionsInvoker::close);
    google.close();
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("url", google.base() + "/fn/{function}");
    settings.put("keyJson", google.keyJson());
    return settings;
  }

  private CloudFunctionsInvoker invoker(Map<String, Object> settings) {
    CloudFunctionsInvoker invoker =
        new CloudFunctionsInvoker(CloudFunctionsSettings.from(settings, name -> null));
    invokers.add(invoker);
    return invoker;
  }

  private static InvokeRequest request(String resource, String parameters, long timeoutMillis) {
    return new InvokeRequest(
        "arn:aws:states:us-east-1:123456789012:execution:flow:run-1",
        0,
        4,
        "Call",
        resource,
        Json.parseTrusted(parameters),
        1,
        timeoutMillis,
        null,
        "run-1/0/4/1");
  }

  private static TaskResult await(CompletableFuture<TaskResult> future) throws Exception {
    return future.get(20, TimeUnit.SECONDS);
  }

  private TaskResult call(String function, String parameters) throws Exception {
    return await(invoker(settings()).invoke(request("gcp:" + function, parameters, 0)));
  }

  private static TaskResult assertFailed(TaskResult result, String error) {
    assertThat(result.succeeded()).as("%s", result).isFalse();
    assertThat(result.error()).isEqualTo(error);
    assertThat(result.cause()).doesNotContain("PRIVATE KEY").doesNotContain("Bearer ");
    return result;
  }

  @Test
  void invoke_serviceAccountKey_postsTheInputWithAnIdTokenForTheUrl() throws Exception {
    TaskResult result = call("echo", "{\"order\": 7}");

    assertThat(result.output()).isEqualTo(Json.parseTrusted("{\"order\":7}"));
    FakeGoogle.Call call = google.calls.get(0);
    assertThat(call.claims().path("aud").asText()).isEqualTo(google.functionUrl("echo"));
    assertThat(call.claims().path("email").asText()).isEqualTo(FakeGoogle.CLIENT_EMAIL);
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
    assertThat(call.header("Idempotency-Key")).isEqualTo("run-1/0/4/1");
    assertThat(google.assertions.get(0).path("target_audience").asText())
        .isEqualTo(google.functionUrl("echo"));
  }

  @Test
  void invoke_twice_reusesTheCachedToken() throws Exception {
    CloudFunctionsInvoker invoker = invoker(settings());

    await(invoker.invoke(request("gcp:echo", "1", 0)));
    await(invoker.invoke(request("gcp:echo", "2", 0)));

    assertThat(google.calls).hasSize(2);
    assertThat(google.tokensIssued).hasValue(1);
  }

  @Test
  void invoke_keyFile_readsTheKeyFromTheFile(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key.json");
    Files.writeString(key, google.keyJson(), StandardCharsets.UTF_8);
    Map<String, Object> settings = settings();
    settings.remove("keyJson");
    settings.put("keyFile", key.toString());

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "[true]", 0)));

    assertThat(result.output()).isEqualTo(Json.parseTrusted("[true]"));
  }

  @Test
  void invoke_keyJsonInEnvironment_readsIt() throws Exception {
    Map<String, Object> settings = settings();
    String key = (String) settings.remove("keyJson");
    settings.put("keyJsonEnv", "MERCURY_GCP_KEY");
    CloudFunctionsInvoker invoker =
        new CloudFunctionsInvoker(
            CloudFunctionsSettings.from(
                settings, name -> name.equals("MERCURY_GCP_KEY") ? key : null));
    invokers.add(invoker);

    assertThat(await(invoker.invoke(request("gcp:echo", "3", 0))).output().asInt()).isEqualTo(3);
  }

  @Test
  void invoke_metadataServer_usesItsIdentityToken() throws Exception {
    Map<String, Object> settings = settings();
    settings.remove("keyJson");
    settings.put("metadataUrl", google.base());

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(google.calls.get(0).claims().path("email").asText())
        .isEqualTo(FakeGoogle.METADATA_EMAIL);
  }

  @Test
  void invoke_resourceIsAUrl_callsItWithThatAudience() throws Exception {
    TaskResult result =
        await(
            invoker(Map.of("keyJson", google.keyJson()))
                .invoke(request(google.functionUrl("echo") + "?mode=fast", "5", 0)));

    assertThat(result.output().asInt()).isEqualTo(5);
    assertThat(google.calls.get(0).claims().path("aud").asText())
        .isEqualTo(google.functionUrl("echo"));
  }

  @Test
  void invoke_audienceSetting_overridesTheUrl() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("audience", "https://custom-audience.example");

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

    assertFailed(result, "States.Http.StatusCode.401");
    assertThat(google.assertions.get(0).path("target_audience").asText())
        .isEqualTo("https://custom-audience.example");
  }

  @Test
  void invoke_tokenSignedByAnotherKey_isRefused401() throws Exception {
    FakeGoogle other = FakeGoogle.impostor();
    try (other) {
      Map<String, Object> settings = settings();
      settings.put("keyJson", other.keyJson());
      settings.put("url", google.functionUrl("echo"));

      TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

      assertFailed(result, "States.Http.StatusCode.401");
      assertThat(google.refused).hasValue(1);
      assertThat(google.calls).isEmpty();
    }
  }

  @Test
  void invoke_functionForbids_failsWith403() throws Exception {
    google.on(
        "private", call -> new FakeGoogle.Reply(403, "text/html", "Forbidden: no invoker role"));

    TaskResult result = call("private", "{}");

    assertThat(assertFailed(result, "States.Http.StatusCode.403").cause())
        .isEqualTo("Forbidden: no invoker role");
  }

  @Test
  void invoke_functionFails_failsWith500AndItsBodyAsCause() throws Exception {
    google.on(
        "broken",
        call ->
            new FakeGoogle.Reply(500, "application/json", "{\"error\":\"NullPointerException\"}"));

    TaskResult result = call("broken", "{}");

    assertThat(assertFailed(result, "States.Http.StatusCode.500").cause())
        .isEqualTo("{\"error\":\"NullPointerException\"}");
  }

  @Test
  void invoke_unavailableWithoutBody_namesTheUrlWithoutItsQuery() throws Exception {
    google.on("down", call -> new FakeGoogle.Reply(503, "text/plain", ""));

    TaskResult result =
        await(
            invoker(settings()).invoke(request(google.functionUrl("down") + "?secret=x", "{}", 0)));

    assertThat(assertFailed(result, "States.Http.StatusCode.503").cause())
        .isEqualTo("HTTP 503 from " + google.functionUrl("down"));
  }

  @Test
  void invoke_slowFunction_timesOut() throws Exception {
    google.on(
        "slow",
        call -> {
          Thread.sleep(3000);
          return FakeGoogle.Reply.json("{}");
        });
    long started = System.nanoTime();

    TaskResult result = await(invoker(settings()).invoke(request("gcp:slow", "{}", 400)));

    assertFailed(result, "States.Timeout");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);
  }

  @Test
  void invoke_connectionTimeoutSetting_boundsTheCall() throws Exception {
    google.on(
        "slow",
        call -> {
          Thread.sleep(3000);
          return FakeGoogle.Reply.json("{}");
        });
    Map<String, Object> settings = settings();
    settings.put("timeoutSeconds", 0.4);

    TaskResult result = await(invoker(settings).invoke(request("gcp:slow", "{}", 0)));

    assertFailed(result, "States.Timeout");
  }

  @Test
  void invoke_malformedJson_failsAsTaskFailed() throws Exception {
    google.on("garbled", call -> FakeGoogle.Reply.json("{\"unclosed\": "));

    TaskResult result = call("garbled", "{}");

    assertThat(assertFailed(result, "States.TaskFailed").cause()).contains("invalid JSON");
  }

  @Test
  void invoke_plainTextReply_isTheResultAsText() throws Exception {
    google.on("hello", call -> new FakeGoogle.Reply(200, "text/plain", "Hello, World!"));

    assertThat(call("hello", "{}").output()).isEqualTo(Json.NODES.textNode("Hello, World!"));
  }

  @Test
  void invoke_emptyReply_isNull() throws Exception {
    google.on("quiet", call -> new FakeGoogle.Reply(204, "text/plain", ""));

    assertThat(call("quiet", "{}").output().isNull()).isTrue();
  }

  @Test
  void invoke_tokenEndpointRefuses_failsAsPermissions() throws Exception {
    google.tokenEndpointOverride =
        new FakeGoogle.Reply(
            400,
            "application/json",
            "{\"error\":\"invalid_grant\",\"error_description\":\"Account disabled.\"}");

    TaskResult result = call("echo", "{}");

    assertThat(assertFailed(result, "States.Permissions").cause()).contains("ID token");
    assertThat(google.calls).isEmpty();
  }

  @Test
  void invoke_tokenEndpointUnreachable_failsAsSocketError() throws Exception {
    Map<String, Object> settings = settings();
    settings.put(
        "keyJson",
        google
            .keyJson()
            .replace(google.base() + "/token", "http://127.0.0.1:" + closedPort() + "/token"));

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

    assertFailed(result, "States.Http.Socket");
  }

  @Test
  void invoke_functionUnreachable_failsAsSocketError() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("url", "http://127.0.0.1:" + closedPort() + "/fn/{function}");

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

    assertThat(assertFailed(result, "States.Http.Socket").cause()).startsWith("Could not call");
  }

  @Test
  void invoke_keyThatIsNotAKey_failsAsPermissionsWithoutShowingIt() throws Exception {
    Map<String, Object> settings = settings();
    settings.put("keyJson", "{\"type\": \"service_account\", \"private_key\": \"PRIVATE KEY\"}");

    TaskResult result = await(invoker(settings).invoke(request("gcp:echo", "{}", 0)));

    assertFailed(result, "States.Permissions");
  }

  @Test
  void invoke_manyCalls_neverExceedMaxConcurrency() throws Exception {
    google.on(
        "steady",
        call -> {
          Thread.sleep(150);
          return FakeGoogle.Reply.json("true");
        });
    Map<String, Object> settings = settings();
    settings.put("maxConcurrency", 2);
    CloudFunctionsInvoker invoker = invoker(settings);

    List<CompletableFuture<TaskResult>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(invoker.invoke(request("gcp:steady", "{}", 0)));
    }

    for (CompletableFuture<TaskResult> call : calls) {
      assertThat(await(call).succeeded()).isTrue();
    }
    assertThat(google.mostInFlight.get()).isEqualTo(2);
  }

  @Test
  void invoke_noUrlAnywhere_failsAsRuntimeError() throws Exception {
    TaskResult result =
        await(invoker(Map.of("keyJson", google.keyJson())).invoke(request("gcp:echo", "{}", 0)));

    assertFailed(result, "States.Runtime");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
