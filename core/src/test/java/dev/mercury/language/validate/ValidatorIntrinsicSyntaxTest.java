package dev.mercury.language.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shallow intrinsic function check used until the intrinsic parser is wired in. */
class ValidatorIntrinsicSyntaxTest {
  private final BasicIntrinsicSyntax syntax = new BasicIntrinsicSyntax();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.UUID()",
        "States.Format('Hello {}', $.name)",
        "States.Format('a (b) \\\\'c\\\\' )(', $.x)",
        "States.JsonMerge(States.StringToJson('{\"a\": 1}'), $$.Execution.Input, false)",
        "States.Array(1, 'two', null, $.three, States.MathAdd(1, 2))",
        "States.ArrayGetItem($.list[?(@.ok)], 0)"
      })
  void call_wellFormed_isAccepted(String call) {
    assertThatCode(() -> syntax.accept(call)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          States.Formt('x')                 | 'States.Formt' is not an intrinsic function; did you mean 'States.Format'?
          States.Array(States.Nope(1))      | 'States.Nope' is not an intrinsic function
          States.Format('x'                 | a '(' is never closed
          States.UUID)(                     | ')' at position 12 closes nothing
          States.Format('x') + 1            | text follows the closing ')' at position 18
          States.Format('x)                 | a quoted string is never closed with '
          States.UUID                       | the function name must be followed by its arguments in (...)
          States.Array(1, (2))              | '(' at position 17 does not follow a function name
          """)
  void call_malformed_isRejectedWithAReason(String call, String reason) {
    assertThatThrownBy(() -> syntax.accept(call))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }
}
