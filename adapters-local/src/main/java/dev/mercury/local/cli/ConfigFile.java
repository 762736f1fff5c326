package dev.mercury.local.cli;

import dev.mercury.invoke.Connections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads the config file that holds connections: --config, else MERCURY_CONFIG. */
final class ConfigFile {
  static final String VARIABLE = "MERCURY_CONFIG";

  private ConfigFile() {}

  /** The file to read, or null when neither the option nor the variable names one. */
  static Path locate(Path option) {
    if (option != null) {
      return option;
    }
    String variable = System.getenv(VARIABLE);
    return variable == null || variable.isBlank() ? null : Path.of(variable);
  }

  /** The connections in {@code file}; none when it is null. */
  static Connections read(Path file) throws IOException {
    if (file == null) {
      return Connections.none();
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the config file " + file + " does not exist");
    }
    return Connections.read(file);
  }
}
