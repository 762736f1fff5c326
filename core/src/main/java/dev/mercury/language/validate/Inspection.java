package dev.mercury.language.validate;

import java.util.function.Consumer;

/** What every rule of one validation shares: where findings go and the common value checks. */
record Inspection(
    Findings findings, FieldTypes types, KnownFields fields, PathRules paths, AssignRules assign) {

  static Inspection of(Findings findings, Consumer<String> intrinsicSyntax) {
    FieldTypes types = new FieldTypes(findings);
    PathRules paths = new PathRules(findings, types, intrinsicSyntax);
    return new Inspection(
        findings, types, new KnownFields(findings), paths, new AssignRules(findings, types, paths));
  }

  /**
   * An integer field that JSONPath states may instead take from the input through a path field of
   * the same name ending in "Path", such as TimeoutSeconds and TimeoutSecondsPath. Answers whether
   * a literal integer was given.
   */
  boolean integerOrPath(Site object, String field, long min, QueryLanguage language) {
    boolean literal = types.integerOrExpression(object, field, min, language);
    if (language == QueryLanguage.JSONPATH) {
      paths.path(object, field + "Path", false);
      types.exclusive(object, field, field + "Path");
    }
    return literal;
  }
}
