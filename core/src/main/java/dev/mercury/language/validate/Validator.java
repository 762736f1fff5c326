package dev.mercury.language.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionException;
import dev.mercury.language.parse.DefinitionParser;
import java.util.List;

/** Placeholder validator: JSON syntax and what the parser refuses. */
public final class Validator {
  private Validator() {}

  public static List<Diagnostic> validate(String text) {
    try {
      DefinitionParser.parse(Json.parse(text));
      return List.of();
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return List.of(
          new Diagnostic("", at.getLineNr(), at.getColumnNr(), "invalid-json", e.getOriginalMessage()));
    } catch (DefinitionException e) {
      return List.of(new Diagnostic(e.pointer(), 1, 1, "invalid-definition", e.getMessage()));
    }
  }
}
