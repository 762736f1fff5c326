package dev.mercury.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepEnvelopeTest {
  @Test
  void step_survivesTheTripThroughJson() {
    StepMessage message =
        new StepMessage(
            "arn:aws:states:us-east-1:1:execution:m:e",
            3,
            7,
            StepMessage.TaskResult.success(Json.parseTrusted("{\"n\": 2}")));

    StepEnvelope read =
        StepEnvelope.read(
            Json.parseTrusted(new StepEnvelope.Step(message, true).toJson().toString()));

    assertThat(read).isEqualTo(new StepEnvelope.Step(message, true));
  }

  @Test
  void invokeAndTick_surviveTheTripThroughJson() {
    InvokeRequest request =
        new InvokeRequest(
            "arn", 0, 1, "T", "mercury:function:f", Json.parseTrusted("{}"), 2, 500, null, "k");

    assertThat(StepEnvelope.read(new StepEnvelope.Invoke(request).toJson()))
        .isEqualTo(new StepEnvelope.Invoke(request));
    assertThat(StepEnvelope.read(Json.parseTrusted("{\"mercury\": \"tick\"}")))
        .isInstanceOf(StepEnvelope.Tick.class);
  }

  @Test
  void unknownKindOrMissingBytes_areRefusedByName() {
    assertThatThrownBy(() -> StepEnvelope.read(Json.parseTrusted("{\"mercury\": \"jump\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jump");
    assertThatThrownBy(() -> StepEnvelope.read(Json.parseTrusted("{\"mercury\": \"step\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message");
    assertThat(StepEnvelope.is(Json.parseTrusted("{\"rawPath\": \"/\"}"))).isFalse();
  }

  @Test
  void replies_sayWhetherTheMessageIsFinished() {
    assertThat(StepEnvelope.Reply.of(Json.parseTrusted(StepEnvelope.Reply.STALE.toJson())))
        .isEqualTo(StepEnvelope.Reply.STALE);
    assertThat(StepEnvelope.Reply.CONTENDED.finished()).isFalse();
    assertThat(StepEnvelope.Reply.DONE.finished()).isTrue();
    assertThat(StepEnvelope.Reply.of(Json.parseTrusted("{\"errorMessage\": \"x\"}"))).isNull();
  }

  @Test
  void settings_areReadFromMercuryVariables() {
    BackendSettings settings =
        BackendSettings.fromEnvironment(
            Map.of(
                "MERCURY_NATS", "nats://127.0.0.1:4222",
                "MERCURY_ELASTICSEARCH", "http://127.0.0.1:9200",
                "MERCURY_PREFIX", "blue",
                "MERCURY_SWEEP_LEASE", "60",
                "MERCURY_CONFIG_JSON",
                    "{\"connections\": {\"f\": {\"platform\": \"http\", \"url\": \"http://127.0.0.1:1\","
                        + " \"auth\": {\"bearer\": {\"tokenEnv\": \"F_TOKEN\"}}}}}",
                "F_TOKEN", "t"));

    assertThat(settings.natsOptions().prefix()).isEqualTo("blue");
    assertThat(settings.elasticsearchOptions().prefix()).isEqualTo("blue-");
    assertThat(settings.sweepLease().toSeconds()).isEqualTo(60);
    assertThat(settings.connections().named("f")).isPresent();
    assertThat(settings.accessKeys()).isEmpty();
    assertThatThrownBy(() -> BackendSettings.fromEnvironment(Map.of()).natsUrl())
        .hasMessageContaining("MERCURY_NATS");
  }
}
