package dev.mercury.language.validate;

import java.util.List;
import java.util.Set;

/** Checks the top level of a definition, then its states as the outermost scope. */
final class MachineRules {
  private static final List<String> FIELDS =
      List.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");

  private final Inspection inspection;

  MachineRules(Inspection inspection) {
    this.inspection = inspection;
  }

  void check(Site root) {
    if (!root.isObject()) {
      String detail =
          "the definition must be a JSON object with 'StartAt' and 'States', but it is %s.";
      inspection
          .findings()
          .add(root, "invalid-type", detail.formatted(FieldTypes.describe(root.node())));
      return;
    }
    FieldTypes types = inspection.types();
    inspection.fields().check(root, FIELDS, "a state machine");
    types.string(root, "Comment");
    types.string(root, "Version");
    types.integer(root, "TimeoutSeconds", 1);
    new ScopeRules(inspection).check(root, language(root), Set.of());
  }

  private QueryLanguage language(Site root) {
    if (inspection.types().oneOf(root, "QueryLanguage", List.of("JSONPath", "JSONata"))) {
      return QueryLanguage.named(root.field("QueryLanguage").text());
    }
    return QueryLanguage.JSONPATH;
  }
}
