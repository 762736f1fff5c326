package dev.mercury.language.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the retriers in "Retry" and the catchers in "Catch" of Task, Parallel and Map states.
 * "States.ALL" matches every error, so it stands alone and in the last retrier or catcher: any
 * after it could never be used.
 */
final class RetryCatchRules {
  private static final String ALL = "States.ALL";
  private static final List<String> RETRIER =
      List.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Comment");
  private static final List<String> JSONPATH_CATCHER =
      List.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
  private static final List<String> JSONATA_CATCHER =
      List.of("ErrorEquals", "Next", "Output", "Assign", "Comment");

  private final Inspection inspection;
  private final FieldTypes types;

  RetryCatchRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
  }

  void check(StateSite state) {
    if (types.array(state.site(), "Retry")) {
      List<Site> retriers = parts(state.site().field("Retry"), "Retrier");
      for (int i = 0; i < retriers.size(); i++) {
        retrier(retriers.get(i), i == retriers.size() - 1);
      }
    }
    if (types.array(state.site(), "Catch")) {
      List<Site> catchers = parts(state.site().field("Catch"), "Catcher");
      for (int i = 0; i < catchers.size(); i++) {
        catcher(catchers.get(i), i == catchers.size() - 1, state.language());
      }
    }
  }

  private List<Site> parts(Site array, String kind) {
    List<Site> objects = new ArrayList<>();
    for (int i = 0; i < array.node().size(); i++) {
      Site part = array.part(i, kind);
      if (part.isObject()) {
        objects.add(part);
      } else {
        String detail = "a %s must be an object, but it is %s.";
        String what = kind.toLowerCase();
        inspection.findings().add(part, "invalid-type", detail.formatted(what, describe(part)));
      }
    }
    return objects;
  }

  private void retrier(Site retrier, boolean last) {
    inspection.fields().check(retrier, RETRIER, "a retrier");
    errorEquals(retrier, last, "retrier");
    types.string(retrier, "Comment");
    types.integer(retrier, "MaxAttempts", 0);
    types.integer(retrier, "IntervalSeconds", 1);
    types.integer(retrier, "MaxDelaySeconds", 1);
    types.number(retrier, "BackoffRate", 1.0, Double.MAX_VALUE, QueryLanguage.JSONPATH);
    types.oneOf(retrier, "JitterStrategy", List.of("FULL", "NONE"));
  }

  private void catcher(Site catcher, boolean last, QueryLanguage language) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    inspection.fields().check(catcher, jsonata ? JSONATA_CATCHER : JSONPATH_CATCHER, "a catcher");
    errorEquals(catcher, last, "catcher");
    types.string(catcher, "Comment");
    types.require(catcher, "Next", " to name the state that handles the error");
    types.string(catcher, "Next");
    if (!jsonata) {
      inspection.paths().referencePath(catcher, "ResultPath", true);
    }
    inspection.assign().check(catcher, language);
  }

  private void errorEquals(Site owner, boolean last, String kind) {
    types.require(owner, "ErrorEquals", ": a non-empty array of error names");
    if (!types.nonEmptyArray(owner, "ErrorEquals")) {
      return;
    }
    List<Site> names = owner.field("ErrorEquals").items();
    for (Site name : names) {
      if (!name.node().isTextual()) {
        String detail = "each entry of 'ErrorEquals' must be an error name string, but one is %s.";
        inspection.findings().add(name, "invalid-type", detail.formatted(describe(name)));
      } else if (name.text().equals(ALL)) {
        statesAll(name, names.size(), last, kind);
      }
    }
  }

  private void statesAll(Site name, int count, boolean last, String kind) {
    if (count > 1) {
      String detail = "'States.ALL' matches every error, so it must be alone in 'ErrorEquals'.";
      inspection.findings().add(name, "states-all-not-alone", detail);
    }
    if (!last) {
      String detail =
          "'States.ALL' matches every error, so its %s must be the last one; those"
              + " after it could never be used.";
      inspection.findings().add(name, "states-all-not-last", detail.formatted(kind));
    }
  }

  private static String describe(Site site) {
    return FieldTypes.describe(site.node());
  }
}
