package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.StatesError;
import java.util.List;

/**
 * The evaluated arguments of one call, read with the type each function expects. A value of the
 * wrong type fails the way AWS fails it: States.Runtime with "Invalid arguments in States.X". AWS
 * reports argument errors as States.Runtime rather than States.IntrinsicFailure, so a catcher on
 * States.ALL does not handle them.
 */
final class Arguments {
  private final String function;
  private final List<Argument> expressions;
  private final List<JsonNode> values;

  Arguments(String function, List<Argument> expressions, List<JsonNode> values) {
    this.function = function;
    this.expressions = expressions;
    this.values = values;
  }

  int size() {
    return values.size();
  }

  JsonNode get(int index) {
    return values.get(index);
  }

  /** The argument as written, for functions that treat literals specially. */
  Argument expression(int index) {
    return expressions.get(index);
  }

  String string(int index) {
    JsonNode value = get(index);
    if (!value.isTextual()) {
      throw invalid();
    }
    return value.textValue();
  }

  ArrayNode array(int index) {
    if (get(index) instanceof ArrayNode array) {
      return array;
    }
    throw invalid();
  }

  ObjectNode object(int index) {
    if (get(index) instanceof ObjectNode object) {
      return object;
    }
    throw invalid();
  }

  /**
   * A whole number, its fraction cut off toward zero. AWS documents rounding for ArrayRange,
   * ArrayPartition and MathRandom but was reported to truncate: ArrayPartition(a, 2.6) makes chunks
   * of two there, and ArrayRange(1.6, 1.4, 1) gives [1].
   */
  int truncatedInt(int index) {
    return toInt(truncatedLong(index));
  }

  long truncatedLong(int index) {
    JsonNode value = number(index);
    if (value.isIntegralNumber()) {
      return integral(value);
    }
    return wholeOrInvalid(value.doubleValue(), (long) value.doubleValue());
  }

  /** A whole number rounded half up, as States.MathAdd rounds (Java's Math.round). */
  int roundedInt(int index) {
    JsonNode value = number(index);
    if (value.isIntegralNumber()) {
      return toInt(integral(value));
    }
    return toInt(wholeOrInvalid(value.doubleValue(), Math.round(value.doubleValue())));
  }

  private JsonNode number(int index) {
    JsonNode value = get(index);
    if (!value.isNumber()) {
      throw invalid();
    }
    return value;
  }

  private long integral(JsonNode value) {
    if (!value.canConvertToLong()) {
      throw invalid();
    }
    return value.longValue();
  }

  private long wholeOrInvalid(double original, long whole) {
    if (Double.isNaN(original) || Double.isInfinite(original)) {
      throw invalid();
    }
    return whole;
  }

  int toInt(long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid();
    }
    return (int) value;
  }

  StatesError invalid() {
    return StatesError.runtime("Invalid arguments in " + function);
  }
}
