package dev.mercury.language.choice;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The RFC 3339 timestamps ASL compares and waits for. */
public final class Timestamps {
  private Timestamps() {}

  /** The timestamp, or null when the text is not an RFC 3339 timestamp with an offset. */
  public static OffsetDateTime parse(String text) {
    if (text.length() < 20 || text.charAt(10) != 'T') {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
