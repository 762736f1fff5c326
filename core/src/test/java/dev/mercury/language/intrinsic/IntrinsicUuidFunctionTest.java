package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntrinsicUuidFunctionTest {
  private static final String VERSION_4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void uuid_noArguments_isRandomVersion4() {
    String first = eval("States.UUID()").textValue();
    String second = eval("States.UUID()").textValue();

    assertThat(first).matches(VERSION_4);
    assertThat(second).matches(VERSION_4).isNotEqualTo(first);
  }

  @Test
  void uuid_givenArguments_ignoresThemLikeAws() {
    assertThat(eval("States.UUID('x', 1, null)").textValue()).matches(VERSION_4);
  }

  @Test
  void uuid_insideFormat_isInserted() {
    assertThat(eval("States.Format('id-{}', States.UUID())").textValue())
        .matches("id-" + VERSION_4);
  }
}
