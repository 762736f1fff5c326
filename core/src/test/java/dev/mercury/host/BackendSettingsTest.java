package dev.mercury.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {
  private static BackendSettings of(Map<String, String> environment) {
    return BackendSettings.fromEnvironment(environment);
  }

  @Test
  void prefix_lowerCaseDigitsAndDashes_isTaken() {
    assertThat(of(Map.of("MERCURY_PREFIX", "blue-2")).prefix()).isEqualTo("blue-2");
    assertThat(of(Map.of()).prefix()).isEqualTo("mercury");
  }

  @Test
  void prefix_withCapitalsOrOtherCharacters_isRefusedNamingTheSetting() {
    for (String bad : new String[] {"Trial1", "a_b", "-x", "a.b"}) {
      assertThatThrownBy(() -> of(Map.of("MERCURY_PREFIX", bad)).prefix())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MERCURY_PREFIX")
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void chain_negative_isRefused_zeroAndTheDefaultAreTaken() {
    assertThat(of(Map.of("MERCURY_CHAIN", "0")).chain()).isZero();
    assertThat(of(Map.of()).chain()).isEqualTo(32);
    assertThatThrownBy(() -> of(Map.of("MERCURY_CHAIN", "-1")).chain())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 or more");
  }
}
