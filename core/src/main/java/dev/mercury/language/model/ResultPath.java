package dev.mercury.language.model;

import java.util.List;

/**
 * Where a state's result goes in its input: replace it ({@code $}), discard the result (JSON null),
 * or set it at a reference path of names and indexes.
 *
 * @param steps names ({@link String}) and indexes ({@link Integer}) from {@code $}
 */
public record ResultPath(String text, List<Object> steps, boolean discard) {
  public static final ResultPath REPLACE = new ResultPath("$", List.of(), false);
  public static final ResultPath DISCARD = new ResultPath(null, List.of(), true);

  public boolean replaces() {
    return !discard && steps.isEmpty();
  }
}
