package dev.mercury.invoke.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings settings(Map<String, Object> values, Map<String, String> environment) {
    return new Settings(values, environment::get);
  }

  @Test
  void text_givenAsEnv_readsTheVariable() {
    Settings settings =
        settings(Map.of("urlEnv", "PRICE_URL"), Map.of("PRICE_URL", "http://127.0.0.1:9/fn"));

    assertThat(settings.text("url", "endpoint")).isEqualTo("http://127.0.0.1:9/fn");
  }

  @Test
  void text_literalAndEnv_literalWins() {
    Settings settings =
        settings(Map.of("url", "http://a", "urlEnv", "PRICE_URL"), Map.of("PRICE_URL", "http://b"));

    assertThat(settings.text("url")).isEqualTo("http://a");
  }

  @Test
  void text_envVariableEmpty_namesTheVariable() {
    Settings settings = settings(Map.of("urlEnv", "PRICE_URL"), Map.of());

    assertThatThrownBy(() -> settings.text("url"))
        .hasMessageContaining("urlEnv")
        .hasMessageContaining("PRICE_URL");
  }

  @Test
  void secret_envVariableSet_isItsValueAndNeverInAMessage() {
    Settings settings =
        settings(Map.of("functionKeyEnv", "KEY", "keyIn", 3), Map.of("KEY", "s3cr3t"));

    assertThat(settings.secret("functionKey")).isEqualTo("s3cr3t");
    assertThatThrownBy(() -> settings.text("keyIn")).message().doesNotContain("s3cr3t");
  }

  @Test
  void only_knownKeysTheirEnvFormsAndCommonFields_areAccepted() {
    Settings settings =
        settings(
            Map.of("platform", "p", "comment", "c", "maxConcurrency", 2, "keyJsonEnv", "K"),
            Map.of());

    assertThat(settings.only("p", "keyJson")).isSameAs(settings);
  }

  @Test
  void only_misspeltKey_isRefusedWithTheKnownOnes() {
    Settings settings = settings(Map.of("functionKeyENV", "KEY"), Map.of());

    assertThatThrownBy(() -> settings.only("azure-functions", "functionKey", "url"))
        .hasMessageContaining("'functionKeyENV'")
        .hasMessageContaining("azure-functions")
        .hasMessageContaining("functionKey, maxConcurrency");
  }
}
