package dev.mercury.language.validate;

import dev.mercury.language.text.Spelling;
import java.util.Collection;

/** Reports the fields of an object that its kind of object does not have. */
final class KnownFields {
  private final Findings findings;

  KnownFields(Findings findings) {
    this.findings = findings;
  }

  /**
   * Reports each field of the object that is not allowed, suggesting the closest allowed one.
   *
   * @param what the kind of object, as in "'X' is not a field of a retrier"
   */
  void check(Site object, Collection<String> allowed, String what) {
    for (String name : object.fieldNames()) {
      if (!allowed.contains(name)) {
        String detail =
            "'%s' is not a field of %s%s"
                .formatted(name, what, ending(Spelling.suggestion(name, allowed)));
        findings.addAtKey(object.field(name), "unknown-field", detail);
      }
    }
  }

  private static String ending(String suggestion) {
    return suggestion.isEmpty() ? "." : suggestion;
  }
}
