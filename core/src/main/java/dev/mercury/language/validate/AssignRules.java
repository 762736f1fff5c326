package dev.mercury.language.validate;

/**
 * Checks an {@code Assign} object: each key names a variable, and in JSONPath states the values are
 * payload templates whose {@code .$} fields hold paths or intrinsic function calls.
 */
final class AssignRules {
  /** The longest variable name AWS accepts. */
  static final int LONGEST_NAME = 80;

  private final Findings findings;
  private final FieldTypes types;
  private final PathRules paths;

  AssignRules(Findings findings, FieldTypes types, PathRules paths) {
    this.findings = findings;
    this.types = types;
    this.paths = paths;
  }

  void check(Site owner, QueryLanguage language) {
    if (!types.object(owner, "Assign")) {
      return;
    }
    Site assign = owner.field("Assign");
    for (String key : assign.fieldNames()) {
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      checkName(assign.field(key), name);
    }
    if (language == QueryLanguage.JSONPATH) {
      paths.templateValue(assign);
    }
  }

  private void checkName(Site field, String name) {
    if (name.equals("states")) {
      String detail =
          "'states' is reserved for the variable Step Functions provides; pick another" + " name.";
      findings.addAtKey(field, "reserved-variable", detail);
      return;
    }
    String problem = nameProblem(name);
    if (problem != null) {
      String detail = "'%s' is not a valid variable name: %s.".formatted(name, problem);
      findings.addAtKey(field, "invalid-variable-name", detail);
    }
  }

  /** Why the text cannot name a variable, or null when it can. */
  static String nameProblem(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > LONGEST_NAME) {
      return "it is longer than " + LONGEST_NAME + " characters";
    }
    int first = name.codePointAt(0);
    if (!Character.isUnicodeIdentifierStart(first) && first != '_') {
      return "it must start with a letter or '_'";
    }
    for (int i = Character.charCount(first); i < name.length(); ) {
      int c = name.codePointAt(i);
      if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
        return "it may hold only letters, digits and '_', not '" + Character.toString(c) + "'";
      }
      i += Character.charCount(c);
    }
    return null;
  }
}
