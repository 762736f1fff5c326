package dev.mercury.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** One thing wrong in a .tf file, with the line it is on when that can be found. */
record Problem(Path file, int line, String message) {

  /** Places the problem on the first line of the file that holds {@code text}. */
  static Problem at(Path file, String text, String message) {
    List<String> lines = lines(file);
    return new Problem(file, find(lines, 0, Pattern.compile(Pattern.quote(text))), message);
  }

  /**
   * Places the problem on {@code argument = ...} in the first block whose header holds {@code
   * block}.
   */
  static Problem atArgument(Path file, String block, String argument, String message) {
    List<String> lines = lines(file);
    int start = Math.max(find(lines, 0, Pattern.compile(Pattern.quote(block))) - 1, 0);
    Pattern assignment = Pattern.compile("^\\s*" + Pattern.quote(argument) + "\\s*=");
    return new Problem(file, find(lines, start, assignment), message);
  }

  private static int find(List<String> lines, int from, Pattern pattern) {
    for (int i = from; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
