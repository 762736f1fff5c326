package dev.mercury.language.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.validate.LocatedJson.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the JSON tree from Jackson's token stream, recording where each value and key starts.
 * Jackson's own tree reader forgets locations and silently keeps the last of two equal keys; here
 * the last one is kept too, so the tree matches what the engine parses, but the repeat is reported.
 */
final class LocatedJsonReader {
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: .*; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);

  private final JsonParser parser;
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final List<Diagnostic> duplicates = new ArrayList<>();

  private LocatedJsonReader(JsonParser parser) {
    this.parser = parser;
  }

  static LocatedJson read(String text) throws InvalidJsonException {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(text)) {
      return new LocatedJsonReader(parser).document();
    } catch (JsonProcessingException e) {
      // Jackson gives no location for some limits, such as nesting deeper than it reads.
      JsonLocation at = e.getLocation();
      String reason = readable(e.getOriginalMessage());
      throw new InvalidJsonException(
          at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()),
          "The definition is not valid JSON: " + reason);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LocatedJson document() throws IOException, InvalidJsonException {
    if (parser.nextToken() == null) {
      throw new InvalidJsonException(1, 1, "The definition is empty; it must be a JSON object.");
    }
    JsonNode root = value("");

    if (parser.nextToken() != null) {
      Position at = here();
      throw new InvalidJsonException(
          at.line(),
          at.column(),
          "The definition is not valid JSON: more text follows the end of the top-level value.");
    }
    return new LocatedJson(root, values, keys, duplicates);
  }

  private JsonNode value(String pointer) throws IOException {
    values.put(pointer, here());
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(pointer);
      case START_ARRAY -> array(pointer);
      case VALUE_STRING -> Json.NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> integer();
      case VALUE_NUMBER_FLOAT -> Json.NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> Json.NODES.booleanNode(true);
      case VALUE_FALSE -> Json.NODES.booleanNode(false);
      case VALUE_NULL -> Json.NODES.nullNode();
      default -> throw new IllegalStateException("Jackson gave an unexpected token " + token);
    };
  }

  private ObjectNode object(String pointer) throws IOException {
    ObjectNode object = Json.NODES.objectNode();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String child = pointer + "/" + Site.escape(name);
      Position key = here();
      keys.put(child, key);
      if (!seen.add(name)) {
        duplicates.add(duplicate(child, key, name));
      }
      parser.nextToken();
      object.set(name, value(child));
    }
    return object;
  }

  private ArrayNode array(String pointer) throws IOException {
    ArrayNode array = Json.NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(pointer + "/" + array.size()));
    }
    return array;
  }

  private JsonNode integer() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> Json.NODES.numberNode(parser.getIntValue());
      case LONG -> Json.NODES.numberNode(parser.getLongValue());
      default -> Json.NODES.numberNode(new BigInteger(parser.getText()));
    };
  }

  private Position here() {
    JsonLocation at = parser.currentTokenLocation();
    return new Position(at.getLineNr(), at.getColumnNr());
  }

  private static Diagnostic duplicate(String pointer, Position key, String name) {
    String message =
        "The field '%s' appears twice in the same object; only the last one counts, so remove one."
            .formatted(name);
    return new Diagnostic(pointer, key.line(), key.column(), "duplicate-key", message);
  }

  /** Jackson's message, with its quote of the whole source text cut down to a line and column. */
  private static String readable(String message) {
    Matcher source = SOURCE.matcher(message);
    String shorter =
        source.find()
            ? source.replaceFirst("line " + source.group(1) + ", column " + source.group(2))
            : message;
    return shorter.endsWith(".") ? shorter : shorter + ".";
  }
}
