package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.intrinsic.IntrinsicFunction;
import dev.mercury.language.path.JsonPath;

/**
 * A field given either as a value ({@code Seconds}), as a path to one ({@code SecondsPath}), or in
 * JSONata as a {@code {% %}} string in the value.
 *
 * @param field the field's name without {@code Path}, for error messages
 * @param literal the value as written, or null
 * @param path the path, or null
 * @param intrinsic an intrinsic function given in place of the path, or null
 */
public record DynamicValue(
    String field, JsonNode literal, JsonPath path, IntrinsicFunction intrinsic) {
  public boolean isPath() {
    return path != null;
  }
}
