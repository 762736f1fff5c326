package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks how a state hands over: every state but Choice, Succeed and Fail has exactly one of "Next"
 * (a state name) and "End": true. Whether the named state exists is a graph check.
 */
final class TransitionRules {
  private final Findings findings;
  private final FieldTypes types;

  TransitionRules(Inspection inspection) {
    this.findings = inspection.findings();
    this.types = inspection.types();
  }

  void check(StateSite state) {
    String type = state.type();
    if (type.equals("Choice") || type.equals("Succeed") || type.equals("Fail")) {
      return;
    }
    Site site = state.site();
    types.string(site, "Next");
    types.bool(site, "End");
    JsonNode end = site.field("End").node();

    if (end != null && end.isBoolean() && !end.booleanValue()) {
      String detail =
          site.has("Next")
              ? "'End' must be true when present; remove \"End\": false and keep 'Next'."
              : "'End' must be true when present; to go on to another state, use 'Next' instead.";
      findings.add(site.field("End"), "invalid-value", detail);
    } else if (site.has("Next") && site.has("End")) {
      types.exclusive(site, "Next", "End");
    } else if (!site.has("Next") && !site.has("End")) {
      String detail =
          "a %s state needs 'Next' to name the state that follows, or \"End\": true"
              + " to finish.";
      findings.add(site, "missing-field", detail.formatted(type));
    }
  }
}
