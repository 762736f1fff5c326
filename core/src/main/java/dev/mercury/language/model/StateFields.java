package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.path.JsonPath;

/**
 * The fields shared by state types. Which of them a type accepts is checked by the validator; here
 * an absent field is null, except the paths, whose absence means {@code $}.
 *
 * @param inputPath the InputPath, {@link DataPath#ALL} when absent
 * @param parameters the Parameters template, or null
 * @param resultSelector the ResultSelector template, or null
 * @param resultPath the ResultPath, {@link ResultPath#REPLACE} when absent
 * @param outputPath the OutputPath, {@link DataPath#ALL} when absent
 * @param arguments JSONata Arguments, or null
 * @param output JSONata Output, or null
 * @param assign Assign, or null
 */
public record StateFields(
    String name,
    String comment,
    String next,
    boolean end,
    QueryLanguage queryLanguage,
    DataPath inputPath,
    PayloadTemplate parameters,
    PayloadTemplate resultSelector,
    ResultPath resultPath,
    DataPath outputPath,
    JsonNode arguments,
    JsonNode output,
    Assignment assign) {

  /**
   * An InputPath or OutputPath: all of the data, none of it (JSON null), or what a path selects.
   */
  public record DataPath(JsonPath path, boolean discard) {
    public static final DataPath ALL = new DataPath(null, false);
    public static final DataPath NONE = new DataPath(null, true);

    public static DataPath of(JsonPath path) {
      return path.text().equals("$") ? ALL : new DataPath(path, false);
    }
  }
}
