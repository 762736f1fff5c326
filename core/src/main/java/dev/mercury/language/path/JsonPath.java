package dev.mercury.language.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.mercury.language.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSONPath as ASL uses it: rooted at the state input ({@code $}), the context object ({@code $$})
 * or a variable ({@code $name}). Paths made only of names and indexes are read directly; anything
 * else (wildcards, filters, slices) goes through Jayway JsonPath, the library AWS Step Functions
 * builds on, which also gives the failure messages AWS reports.
 */
public final class JsonPath {
  private static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  /** Where a path starts. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  private final String text;
  private final Root root;
  private final String variable;
  private final String relative;
  private final List<Object> steps;
  private final com.jayway.jsonpath.JsonPath compiled;

  private JsonPath(String text, Root root, String variable, String relative) {
    this.text = text;
    this.root = root;
    this.variable = variable;
    this.relative = relative;
    this.steps = SimplePath.steps(relative);
    this.compiled = steps == null ? compile(relative) : null;
  }

  /**
   * Parses a path. Throws {@link IllegalArgumentException} with a reason when it is not a valid
   * JSONPath.
   */
  public static JsonPath parse(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("a path must start with '$'");
    }
    if (text.startsWith("$$")) {
      return new JsonPath(text, Root.CONTEXT, null, text.substring(1));
    }
    if (text.length() > 1 && isNameStart(text.charAt(1))) {
      int end = 1;
      while (end < text.length() && isNamePart(text.charAt(end))) {
        end++;
      }
      return new JsonPath(text, Root.VARIABLE, text.substring(1, end), "$" + text.substring(end));
    }
    return new JsonPath(text, Root.INPUT, null, text);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static com.jayway.jsonpath.JsonPath compile(String relative) {
    try {
      return com.jayway.jsonpath.JsonPath.compile(relative);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public String text() {
    return text;
  }

  public Root root() {
    return root;
  }

  /** The variable the path reads, or null when it is rooted elsewhere. */
  public String variable() {
    return variable;
  }

  /** Whether the path selects at most one value, so that its result is not a list. */
  public boolean isDefinite() {
    return steps != null || compiled.isDefinite();
  }

  /** Reads the value the path selects; throws {@link PathFailure} when it selects nothing. */
  public JsonNode read(EvaluationContext context) {
    JsonNode document =
        switch (root) {
          case INPUT -> context.input();
          case CONTEXT -> context.context().get();
          case VARIABLE -> readVariable(context.variables());
        };
    return readFrom(document);
  }

  private JsonNode readVariable(Variables variables) {
    JsonNode value = variables.get(variable);
    if (value == null) {
      throw new PathFailure("The variable '$" + variable + "' is not defined");
    }
    return value;
  }

  /** Reads the path's relative part from a document. */
  public JsonNode readFrom(JsonNode document) {
    if (steps != null) {
      JsonNode found = SimplePath.read(document, steps);
      if (found == null) {
        throw new PathFailure(SimplePath.missing(document, steps));
      }
      return found;
    }
    return readWithJayway(document);
  }

  private JsonNode readWithJayway(JsonNode document) {
    com.jayway.jsonpath.JsonPath path = compiled != null ? compiled : compile(relative);
    try {
      Object value = path.read(document, JAYWAY);
      return value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value);
    } catch (PathNotFoundException e) {
      // AWS gives an indefinite path that selects nothing an empty list, not an error.
      if (!path.isDefinite()) {
        return Json.NODES.arrayNode();
      }
      throw new PathFailure(e.getMessage());
    } catch (RuntimeException e) {
      throw new PathFailure(String.valueOf(e.getMessage()));
    }
  }

  /** The steps of a path of names and indexes, for callers that write along it. */
  public List<Object> steps() {
    return steps == null ? null : new ArrayList<>(steps);
  }

  /** Reads every value an indefinite path selects, as a list. */
  public ArrayNode readAll(EvaluationContext context) {
    JsonNode value = read(context);
    if (value instanceof ArrayNode array) {
      return array;
    }
    return Json.NODES.arrayNode().add(value);
  }

  @Override
  public String toString() {
    return text;
  }
}
