package dev.mercury.aws.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.host.BackendSettings;
import dev.mercury.language.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The orchestrator's settings on Lambda: the function's environment ({@code MERCURY_NATS}, {@code
 * MERCURY_ELASTICSEARCH}, ...; see {@link dev.mercury.host.Orchestrator}), completed by the Secrets
 * Manager secret that {@code MERCURY_SECRETS_ARN} names, if any: a JSON object of the same
 * variables, such as {@code {"MERCURY_NATS": "nats://user:password@10.0.0.4:4222",
 * "MERCURY_SECRET_KEY": "..."}}. A variable set in the environment wins over the secret's, so one
 * function can override a shared secret. The secret is read once per function instance, on its
 * first invocation, with the function's role and region.
 */
final class LambdaSettings {
  static final String SECRETS_ARN = "MERCURY_SECRETS_ARN";

  private LambdaSettings() {}

  static BackendSettings fromEnvironment() {
    return from(System.getenv(), LambdaSettings::readSecret);
  }

  /** The settings from {@code environment}, completed by the secret {@code secrets} reads. */
  static BackendSettings from(Map<String, String> environment, Function<String, String> secrets) {
    String arn = environment.get(SECRETS_ARN);
    if (arn == null || arn.isBlank()) {
      return BackendSettings.fromEnvironment(environment);
    }
    JsonNode secret = Json.parseTrusted(secrets.apply(arn));
    if (!secret.isObject()) {
      throw new IllegalArgumentException(
          "the secret " + arn + " must hold a JSON object of MERCURY_* settings");
    }
    Map<String, String> merged = new HashMap<>();
    secret.properties().forEach(field -> merged.put(field.getKey(), field.getValue().asText()));
    environment.forEach(
        (name, value) -> {
          if (!value.isBlank()) {
            merged.put(name, value);
          }
        });
    return BackendSettings.fromEnvironment(merged);
  }

  static String readSecret(String arn) {
    try (SecretsManagerClient client =
        SecretsManagerClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      return client.getSecretValue(request -> request.secretId(arn)).secretString();
    }
  }
}
