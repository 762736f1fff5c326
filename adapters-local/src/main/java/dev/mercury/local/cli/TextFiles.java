package dev.mercury.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files a command is given, turning I/O failures into messages a person reads. */
final class TextFiles {
  private TextFiles() {}

  /** Reads a file, or standard input when the path is {@code -}. */
  static String read(Path path, String what) {
    try {
      if (path.toString().equals("-")) {
        try (InputStream in = System.in) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      if (Files.isDirectory(path)) {
        throw new IllegalArgumentException("the " + what + " file " + path + " is a directory");
      }
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the " + what + " file " + path + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the " + what + " file " + path + ": " + e);
    }
  }

  /**
   * Editors on some systems start UTF-8 files with a byte order mark, which JSON does not allow.
   */
  static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
