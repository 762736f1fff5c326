package dev.mercury.language.validate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps as ASL requires them: RFC 3339 date-times with an uppercase 'T' between date and time
 * and an uppercase 'Z' when there is no numeric offset, such as "2016-03-14T01:59:00Z".
 */
final class Timestamps {
  private static final Pattern SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern LONG_FRACTION = Pattern.compile("(\\.\\d{9})\\d+");

  private Timestamps() {}

  static boolean isValid(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return false;
    }
    // java.time holds nanoseconds; RFC 3339 allows any number of fraction digits.
    String nanos = LONG_FRACTION.matcher(text).replaceFirst("$1");
    try {
      OffsetDateTime.parse(nanos);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
