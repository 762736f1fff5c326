package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.intrinsic.Argument.Call;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.PathFailure;

/**
 * An intrinsic function call such as {@code States.Format('Hello {}', $.name)}, as written in the
 * value of a {@code .$} key of a payload template, parsed once and evaluated for each state input.
 *
 * <p>Parsing rejects what can never run: bad syntax, unknown functions and argument counts a
 * function never accepts. Everything that depends on the values (types, ranges, a Format template's
 * placeholders) fails at evaluation, where AWS fails it, with the States.Runtime error and cause
 * text AWS gives.
 */
public final class IntrinsicFunction {
  private final String text;
  private final Call call;

  private IntrinsicFunction(String text, Call call) {
    this.text = text;
    this.call = call;
  }

  /** True when a string value (of a `.$` key in a payload template) is an intrinsic call. */
  public static boolean isCall(String text) {
    return text != null && text.startsWith("States.");
  }

  /**
   * Parses a call. Throws {@link IllegalArgumentException} whose message says what is wrong and at
   * which character offset, for syntax errors, unknown function names and wrong argument counts.
   */
  public static IntrinsicFunction parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("an intrinsic function call must not be null");
    }
    return new IntrinsicFunction(text, Parser.parse(text));
  }

  /**
   * Evaluates the call. Invalid arguments throw a States.Runtime {@code StatesError} whose cause is
   * AWS's ("Invalid arguments in States.ArrayRange"); a path argument that selects nothing throws
   * the {@link PathFailure} from the path unchanged. The result shares no nodes with the context,
   * so the caller may change it.
   */
  public JsonNode evaluate(EvaluationContext context) {
    return call.evaluate(context).deepCopy();
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
