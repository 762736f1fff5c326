package dev.mercury.api;

import java.util.regex.Pattern;

/**
 * AWS's rules for state machine, execution and activity names: 1 to 80 characters, none of them
 * white space, brackets, wildcards, punctuation that ARNs use, or control characters.
 */
final class Names {
  private static final Pattern FORBIDDEN =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

  private Names() {}

  static String check(String name, String field) {
    if (name.isEmpty() || name.length() > 80) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + name
              + "' at '"
              + field
              + "' failed to satisfy constraint: Member must have length between 1 and 80");
    }
    if (FORBIDDEN.matcher(name).find()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    return name;
  }
}
