package dev.mercury.language.intrinsic;

import static dev.mercury.language.intrinsic.IntrinsicTesting.assertInvalidArguments;
import static dev.mercury.language.intrinsic.IntrinsicTesting.eval;
import static dev.mercury.language.intrinsic.IntrinsicTesting.evalOnFunctionInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded AWS cases intrinsic/math-add-*.json, and MathRandom's documented behaviour. */
class IntrinsicMathFunctionsTest {

  @ParameterizedTest
  @CsvSource({
    "-9, 3, -6",
    "1.49, 1.5, 3",
    "1.5, 1.51, 4",
    "-1.5, -1.51, -3",
    "1.49, 0, 1",
    "1.5, 0, 2",
    "1.51, 0, 2",
    "-1.49, 0, -1",
    "-1.5, 0, -1",
    "-1.51, 0, -2",
    "0.5, 0, 1",
    "2.5, 0, 3",
    "3.5, 0, 4",
    "-0.5, 0.5, 1",
    "-0.5, 0, 0",
    "-2.5, 0, -2"
  })
  void mathAdd_recordedCases_roundEachOperandHalfUp(String first, String second, int expected) {
    String input = "{\"fst\": " + first + ", \"snd\": " + second + "}";

    JsonNode result =
        evalOnFunctionInput("States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)", input);

    assertThat(result.isInt()).isTrue();
    assertThat(result.intValue()).isEqualTo(expected);
  }

  @Test
  void mathAdd_literalStep_decrements() {
    assertThat(eval("States.MathAdd($.v, -1)", "{\"v\": 111}").intValue()).isEqualTo(110);
  }

  @Test
  void mathAdd_int32Endpoints_areAccepted() {
    assertThat(eval("States.MathAdd(2147483646, 1)").intValue()).isEqualTo(Integer.MAX_VALUE);
    assertThat(eval("States.MathAdd(-2147483647, -1)").intValue()).isEqualTo(Integer.MIN_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2147483647, 1", "-2147483648, -1", "3000000000, 1", "-3000000000, 1", "1e309, 1"})
  void mathAdd_outsideInt32_isInvalid(String arguments) {
    assertInvalidArguments("States.MathAdd(" + arguments + ")", "States.MathAdd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'a', 1", "1, 'b'", "null, 1", "true, 1", "'-1', 2", "$.arr, 1"})
  void mathAdd_notNumbers_isInvalid(String arguments) {
    assertInvalidArguments("States.MathAdd(" + arguments + ")", "{\"arr\": [1]}", "States.MathAdd");
  }

  @Test
  void mathAdd_nested_composes() {
    assertThat(eval("States.MathAdd(States.MathAdd($.x, 1), 2)", "{\"x\": 5}").intValue())
        .isEqualTo(8);
  }

  @Test
  void mathRandom_unseeded_staysInStartInclusiveEndExclusive() {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      seen.add(eval("States.MathRandom(1, 4)").intValue());
    }

    assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void mathRandom_recordedRanges_stayInRange() {
    assertThat(eval("States.MathRandom(9999, 99999)").intValue()).isBetween(9999, 99998);
    assertThat(eval("States.MathRandom(-99999, -9999)").intValue()).isBetween(-99999, -10000);
    assertThat(eval("States.MathRandom(12.5, 44.51)").intValue()).isBetween(12, 43);
  }

  @Test
  void mathRandom_sameSeed_givesSameNumber() {
    JsonNode first = eval("States.MathRandom(0, 999, 3)");

    assertThat(eval("States.MathRandom(0, 999, 3)")).isEqualTo(first);
    assertThat(first.intValue()).isBetween(0, 998);
  }

  @Test
  void mathRandom_seed42_givesWhatAwsGives() {
    assertThat(eval("States.MathRandom(-5, 5, 42)").intValue()).isEqualTo(-5);
  }

  @Test
  void mathRandom_fractionalBounds_areTruncated() {
    for (int i = 0; i < 100; i++) {
      assertThat(eval("States.MathRandom(1.6, 5.4)").intValue()).isBetween(1, 4);
    }
    assertInvalidArguments("States.MathRandom(1.4, 1.6)", "States.MathRandom");
  }

  @Test
  void mathRandom_wholeInt32Range_staysInRange() {
    assertThat(eval("States.MathRandom(-2147483648, 2147483647)").intValue())
        .isLessThan(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1, 1",
        "10, 5",
        "1.49, 1.49",
        "'a', 10",
        "1, 'b'",
        "1, 10, 'seed'",
        "1, 10, null"
      })
  void mathRandom_emptyRangeOrNotNumbers_isInvalid(String arguments) {
    assertInvalidArguments("States.MathRandom(" + arguments + ")", "States.MathRandom");
  }
}
