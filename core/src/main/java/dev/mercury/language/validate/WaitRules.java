package dev.mercury.language.validate;

import java.util.ArrayList;
import java.util.List;

/** Checks a Wait state: exactly one way to say how long, and a well-formed timestamp. */
final class WaitRules {
  private static final List<String> JSONPATH_WAYS =
      List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
  private static final List<String> JSONATA_WAYS = List.of("Seconds", "Timestamp");

  private final Inspection inspection;
  private final FieldTypes types;

  WaitRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
  }

  void check(StateSite state) {
    Site site = state.site();
    exactlyOneWay(site, state.jsonata() ? JSONATA_WAYS : JSONPATH_WAYS);
    types.integerOrExpression(site, "Seconds", 0, state.language());
    timestamp(site, state.language());
    if (!state.jsonata()) {
      inspection.paths().path(site, "SecondsPath", false);
      inspection.paths().path(site, "TimestampPath", false);
    }
  }

  private void exactlyOneWay(Site site, List<String> ways) {
    List<String> present = new ArrayList<>();
    for (String way : ways) {
      if (site.has(way)) {
        present.add(way);
      }
    }
    if (present.isEmpty()) {
      String detail = "a Wait state needs one of %s to say how long to wait.";
      String names = String.join(", ", ways.stream().map(w -> "'" + w + "'").toList());
      inspection.findings().add(site, "missing-field", detail.formatted(names));
    }
    for (int i = 1; i < present.size(); i++) {
      String detail = "'%s' and '%s' cannot both be set; a Wait state takes exactly one of them.";
      Site extra = site.field(present.get(i));
      inspection
          .findings()
          .addAtKey(extra, "exclusive-fields", detail.formatted(present.get(0), present.get(i)));
    }
  }

  private void timestamp(Site site, QueryLanguage language) {
    Site value = site.field("Timestamp");
    boolean expression =
        language == QueryLanguage.JSONATA && QueryLanguage.isExpression(value.node());
    if (expression || !types.string(site, "Timestamp")) {
      return;
    }
    if (!Timestamps.isValid(value.text())) {
      String detail =
          "'Timestamp' must be an RFC 3339 timestamp such as \"2016-03-14T01:59:00Z\","
              + " but it is \"%s\".";
      inspection.findings().add(value, "invalid-timestamp", detail.formatted(value.text()));
    }
  }
}
