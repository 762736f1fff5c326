package dev.mercury.local.cli;

import dev.mercury.language.model.StateMachine;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.language.validate.Diagnostic;
import dev.mercury.language.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** A definition file read from disk, validated, and parsed. */
record DefinitionFile(Path path, String text, List<Diagnostic> diagnostics) {

  static DefinitionFile read(Path path) {
    String text = TextFiles.withoutByteOrderMark(TextFiles.read(path, "definition"));
    return new DefinitionFile(path, text, Validator.validate(text));
  }

  /** The state machine's name: the file name without {@code .asl.json} or {@code .json}. */
  String machineName() {
    String name = path.getFileName().toString();
    for (String suffix : List.of(".asl.json", ".json", ".asl.yaml", ".asl")) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  boolean isValid() {
    return diagnostics.isEmpty();
  }

  StateMachine parse() {
    return DefinitionParser.parse(text);
  }

  /** Prints each problem as {@code file:line:column: message [code] (pointer)}. */
  void printDiagnostics(PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.printf(
          "%s:%d:%d: %s [%s] (at %s)%n",
          path,
          d.line(),
          d.column(),
          d.message(),
          d.code(),
          d.pointer().isEmpty() ? "/" : d.pointer());
    }
  }
}
