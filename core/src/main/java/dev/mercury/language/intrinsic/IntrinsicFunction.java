package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.path.EvaluationContext;

/** Placeholder until the intrinsic functions land; every call fails to parse. */
public final class IntrinsicFunction {
  private IntrinsicFunction() {}

  public static boolean isCall(String text) {
    return text.startsWith("States.");
  }

  public static IntrinsicFunction parse(String text) {
    throw new IllegalArgumentException("intrinsic functions are not available yet");
  }

  public JsonNode evaluate(EvaluationContext context) {
    throw new UnsupportedOperationException();
  }

  public String text() {
    return "";
  }
}
