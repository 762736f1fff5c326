package dev.mercury.language.validate;

/** Checks a Fail state: its error name and cause, each given directly or through a path. */
final class FailRules {
  private final Inspection inspection;

  FailRules(Inspection inspection) {
    this.inspection = inspection;
  }

  void check(StateSite state) {
    Site site = state.site();
    FieldTypes types = inspection.types();
    types.string(site, "Error");
    types.string(site, "Cause");
    if (!state.jsonata()) {
      inspection.paths().pathOrIntrinsic(site, "ErrorPath");
      inspection.paths().pathOrIntrinsic(site, "CausePath");
      types.exclusive(site, "Error", "ErrorPath");
      types.exclusive(site, "Cause", "CausePath");
    }
  }
}
