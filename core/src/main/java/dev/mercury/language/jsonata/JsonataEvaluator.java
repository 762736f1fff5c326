package dev.mercury.language.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.error.StatesError;
import dev.mercury.language.json.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates JSONata in state fields: a string {@code "{% expression %}"} is an expression, any
 * other value is itself, and objects and arrays are evaluated member by member. Failures are
 * States.QueryEvaluationError with AWS's cause texts, located by field ({@code Output/a/b}).
 */
public final class JsonataEvaluator {
  /**
   * A variable reference. Names are Unicode identifiers, as AWS allows in Assign: a letter or '_',
   * then letters, marks, digits and connectors.
   */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$([\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*)");

  /** Parsed expressions, per thread because the library keeps evaluation state in them. */
  private static final ThreadLocal<Map<String, Jsonata>> COMPILED =
      ThreadLocal.withInitial(HashMap::new);

  private JsonataEvaluator() {}

  /** Whether a field's value is a JSONata expression. */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && expressionText(value.textValue()) != null;
  }

  /** Evaluates a field's value; {@code field} names it in error messages. */
  public static JsonNode evaluate(JsonNode template, String field, StatesBinding binding) {
    if (template.isTextual()) {
      String expression = expressionText(template.textValue());
      return expression == null ? template : expression(expression, field, binding);
    }
    if (template.isObject()) {
      ObjectNode result = Json.object();
      for (Map.Entry<String, JsonNode> member : template.properties()) {
        result.set(
            member.getKey(), evaluate(member.getValue(), field + "/" + member.getKey(), binding));
      }
      return result;
    }
    if (template.isArray()) {
      ArrayNode result = Json.NODES.arrayNode(template.size());
      for (int i = 0; i < template.size(); i++) {
        result.add(evaluate(template.get(i), field + "/" + i, binding));
      }
      return result;
    }
    return template;
  }

  /** AWS takes a string as an expression only when it starts with "{%" and ends with "%}". */
  private static String expressionText(String text) {
    if (text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}")) {
      return text.substring(2, text.length() - 2).strip();
    }
    return null;
  }

  private static JsonNode expression(String expression, String field, StatesBinding binding) {
    Object value;
    try {
      value = run(expression, binding);
      if (value == null && isNull(expression, binding)) {
        return Json.NODES.nullNode();
      }
    } catch (JException e) {
      throw failure(expression, field, "threw an error during evaluation. " + describe(e));
    } catch (RuntimeException e) {
      throw failure(
          expression,
          field,
          "threw an error during evaluation. "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
    if (value == null) {
      throw failure(expression, field, "returned nothing (undefined).");
    }
    try {
      return JavaValues.toJson(value);
    } catch (IllegalArgumentException e) {
      throw failure(expression, field, "returned an unsupported result type.");
    }
  }

  private static Object run(String expression, StatesBinding binding) {
    Jsonata compiled = compiled(expression);
    Jsonata.Frame frame = compiled.createFrame();
    AwsFunctions.withoutEval(frame);
    bind(frame, expression, binding);
    // AWS evaluates with no context item: the input is $states.input, and $ is undefined.
    return compiled.evaluate(null, frame);
  }

  /**
   * The library gives both JSON null and undefined as Java null at the top level; asking {@code
   * $exists} tells them apart, as AWS does.
   */
  private static boolean isNull(String expression, StatesBinding binding) {
    return Boolean.TRUE.equals(run("$exists((" + expression + "))", binding));
  }

  private static Jsonata compiled(String expression) {
    Map<String, Jsonata> cache = COMPILED.get();
    Jsonata compiled = cache.get(expression);
    if (compiled == null) {
      compiled = Jsonata.jsonata(expression);
      AwsFunctions.register(compiled);
      cache.put(expression, compiled);
    }
    return compiled;
  }

  /** Binds {@code $states} and the variables the expression names. */
  private static void bind(Jsonata.Frame frame, String expression, StatesBinding binding) {
    Matcher names = VARIABLE.matcher(expression);
    while (names.find()) {
      String name = names.group(1);
      if (name.equals("states")) {
        frame.bind("states", states(binding, expression.contains("context")));
        continue;
      }
      JsonNode value = binding.variables().get(name);
      if (value != null) {
        frame.bind(name, JavaValues.toJava(value));
      }
    }
  }

  private static Map<String, Object> states(StatesBinding binding, boolean withContext) {
    Map<String, Object> states = new LinkedHashMap<>();
    states.put("input", JavaValues.toJava(binding.input()));
    if (binding.result() != null) {
      states.put("result", JavaValues.toJava(binding.result()));
    }
    if (binding.errorOutput() != null) {
      states.put("errorOutput", JavaValues.toJava(binding.errorOutput()));
    }
    if (withContext) {
      states.put("context", JavaValues.toJava(binding.context().get()));
    }
    return states;
  }

  private static String describe(JException e) {
    String message = e.getMessage();
    String code = e.getError();
    if (code != null && message != null && !message.startsWith(code)) {
      return code + ": " + message;
    }
    return String.valueOf(message);
  }

  /** A QueryEvaluationError about {@code expression} in {@code field}. */
  public static StatesError failure(String expression, String field, String what) {
    return new StatesError(
        ErrorName.QUERY_EVALUATION_ERROR,
        "The JSONata expression '"
            + expression
            + "' specified for the field '"
            + field
            + "' "
            + what,
        field);
  }

  /** The expression text of a field's value, for messages about its result. */
  public static String textOf(JsonNode template) {
    String expression = template.isTextual() ? expressionText(template.textValue()) : null;
    return expression != null ? expression : Json.write(template);
  }
}
