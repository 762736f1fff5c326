package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mercury.language.intrinsic.Argument.StringLiteral;
import java.util.ArrayList;
import java.util.List;

/** States.Format: a template whose {} placeholders are replaced by the other arguments in order. */
final class FormatFunction {
  private FormatFunction() {}

  static List<Builtin> all() {
    return List.of(new Builtin("States.Format", Arity.atLeast(1), FormatFunction::format));
  }

  /**
   * Values print as AWS's Java engine prints them: strings without quotes, null as "null", objects
   * as {key=value, ...} and arrays as [a, b]. A placeholder count that differs from the number of
   * values fails when the state runs, as on AWS, even for a literal template.
   */
  private static JsonNode format(Arguments arguments) {
    Template template = template(arguments);
    if (template.placeholders() != arguments.size() - 1) {
      throw arguments.invalid();
    }

    List<String> values = new ArrayList<>(arguments.size() - 1);
    for (int i = 1; i < arguments.size(); i++) {
      values.add(JavaView.text(arguments.get(i)));
    }
    return TextNode.valueOf(template.fill(values));
  }

  private static Template template(Arguments arguments) {
    String text = arguments.string(0);
    if (arguments.expression(0) instanceof StringLiteral literal) {
      return Template.ofLiteral(literal.raw()).orElseThrow(arguments::invalid);
    }
    return Template.ofValue(text);
  }
}
