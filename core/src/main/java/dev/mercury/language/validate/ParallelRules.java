package dev.mercury.language.validate;

import java.util.ArrayList;
import java.util.List;

/** Checks a Parallel state's branches; the states inside each branch are a scope of their own. */
final class ParallelRules {
  static final List<String> BRANCH_FIELDS = List.of("StartAt", "States", "Comment");

  private final Inspection inspection;

  ParallelRules(Inspection inspection) {
    this.inspection = inspection;
  }

  void check(StateSite state) {
    Site site = state.site();
    FieldTypes types = inspection.types();
    types.require(site, "Branches", ": a non-empty array of {\"StartAt\", \"States\"} objects");
    if (!types.nonEmptyArray(site, "Branches")) {
      return;
    }
    for (Site branch : branches(site)) {
      if (branch.isObject()) {
        inspection.fields().check(branch, BRANCH_FIELDS, "a Parallel branch");
      } else {
        String detail = "a branch must be an object with 'StartAt' and 'States', but it is %s.";
        inspection.findings().add(branch, "invalid-type", detail.formatted(describe(branch)));
      }
    }
  }

  /** Every element of the state's Branches array, each owned by "Branch N of state 'X'". */
  static List<Site> branches(Site state) {
    Site branches = state.field("Branches");
    List<Site> parts = new ArrayList<>();
    int count = branches.node() != null && branches.node().isArray() ? branches.node().size() : 0;
    for (int i = 0; i < count; i++) {
      parts.add(branches.part(i, "Branch"));
    }
    return parts;
  }

  private static String describe(Site site) {
    return FieldTypes.describe(site.node());
  }
}
