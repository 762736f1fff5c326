package dev.mercury.language.model;

/** The language a state's fields are written in. JSONPath is the default. */
public enum QueryLanguage {
  JSONPATH,
  JSONATA;

  public static QueryLanguage of(String name) {
    return switch (name) {
      case "JSONPath" -> JSONPATH;
      case "JSONata" -> JSONATA;
      default -> throw new IllegalArgumentException("unknown QueryLanguage '" + name + "'");
    };
  }
}
