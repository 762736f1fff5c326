package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mercury.language.path.EvaluationContext;
import dev.mercury.language.path.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** One argument of an intrinsic call, parsed once and evaluated for each state input. */
sealed interface Argument {

  JsonNode evaluate(EvaluationContext context);

  /** A number, true, false or null written in the call. */
  record Literal(JsonNode value) implements Argument {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      return value;
    }
  }

  /**
   * A quoted string. The raw text keeps its escapes because States.Format must tell an escaped
   * brace, which is literal text, from a placeholder.
   */
  record StringLiteral(String value, String raw) implements Argument {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      return TextNode.valueOf(value);
    }
  }

  /** A path into the input, the context object or a variable. */
  record PathArgument(JsonPath path) implements Argument {
    @Override
    public JsonNode evaluate(EvaluationContext context) {
      return path.read(context);
    }
  }

  /** A nested call, or the outermost one. */
  record Call(Builtin builtin, List<Argument> arguments, int offset) implements Argument {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(EvaluationContext context) {
      List<JsonNode> values = new ArrayList<>(arguments.size());
      for (Argument argument : arguments) {
        values.add(argument.evaluate(context));
      }
      return builtin.body().apply(new Arguments(builtin.name(), arguments, values));
    }
  }
}
