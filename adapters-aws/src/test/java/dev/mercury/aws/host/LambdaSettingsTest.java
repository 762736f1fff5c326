package dev.mercury.aws.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mercury.api.ApiException;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.SignatureV4;
import dev.mercury.host.BackendSettings;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings from the function's environment and its Secrets Manager secret, read with the SDK from
 * Secrets Manager's JSON API served on loopback, which checks the request's SigV4 signature.
 */
class LambdaSettingsTest {
  private static final String KEY_ID = "AKIDSECRETSTEST";
  private static final String SECRET = "secrets-test-secret";
  private static final String ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:mercury-AbCdEf";

  private HttpServer server;
  private final AtomicReference<String> askedFor = new AtomicReference<>();
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void serveSecretsManager() throws IOException {
    SignatureV4 signatures = new SignatureV4(Map.of(KEY_ID, SECRET));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new HashMap<>();
            exchange
                .getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            String reply;
            int status = 200;
            try {
              signatures.verify(
                  new ApiRequest("POST", "/", null, headers, body), System.currentTimeMillis());
              var request = Json.parseTrusted(new String(body, StandardCharsets.UTF_8));
              askedFor.set(
                  headers.get("x-amz-target").get(0) + " " + request.path("SecretId").asText());
              reply =
                  Json.write(
                      Json.object()
                          .put("ARN", ARN)
                          .put("Name", "mercury")
                          .put(
                              "SecretString",
                              "{\"MERCURY_ELASTICSEARCH\": \"https://es.internal:9243\","
                                  + " \"MERCURY_SECRET_KEY\": \"from-the-secret\","
                                  + " \"MERCURY_PREFIX\": \"secret-prefix\"}"));
            } catch (ApiException e) {
              status = 400;
              reply =
                  Json.write(
                      Json.object()
                          .put("__type", e.type())
                          .put("message", e.type() + ": " + e.getMessage()));
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
    set("aws.region", "us-east-1");
    set("aws.accessKeyId", KEY_ID);
    set("aws.secretAccessKey", SECRET);
    set("aws.endpointUrlSecretsManager", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
    saved.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
  }

  private void set(String property, String value) {
    saved.put(property, System.getProperty(property));
    System.setProperty(property, value);
  }

  @Test
  void secret_suppliesWhatTheEnvironmentLeavesUnset() {
    BackendSettings settings =
        LambdaSettings.from(
            Map.of(
                "MERCURY_SECRETS_ARN", ARN,
                "MERCURY_NATS", "nats://nats.internal:4222",
                "MERCURY_ACCESS_KEY", "AKIDAPI",
                "MERCURY_PREFIX", "from-env"),
            LambdaSettings::readSecret);

    assertThat(askedFor.get()).isEqualTo("secretsmanager.GetSecretValue " + ARN);
    assertThat(settings.elasticsearchUrl()).isEqualTo("https://es.internal:9243");
    assertThat(settings.natsUrl()).isEqualTo("nats://nats.internal:4222");
    assertThat(settings.accessKeys()).isEqualTo(Map.of("AKIDAPI", "from-the-secret"));
    assertThat(settings.prefix()).isEqualTo("from-env");
  }

  @Test
  void wrongCredentials_areRefusedByTheService() {
    set("aws.secretAccessKey", "not-the-secret");

    assertThatThrownBy(
            () ->
                LambdaSettings.from(Map.of("MERCURY_SECRETS_ARN", ARN), LambdaSettings::readSecret))
        .hasMessageContaining("InvalidSignatureException");
    assertThat(askedFor.get()).isNull();
  }

  @Test
  void withoutASecret_theEnvironmentAlone() {
    BackendSettings settings =
        LambdaSettings.from(
            Map.of("MERCURY_NATS", "nats://127.0.0.1:4222"),
            arn -> {
              throw new AssertionError("no secret to read");
            });

    assertThat(settings.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
  }
}
