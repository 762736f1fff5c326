package dev.mercury.language.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition in the shared conformance cases ran on AWS, so each must validate cleanly. Some
 * cases fail at run time on purpose (a path that finds nothing, a percentage out of range read
 * through a path); those are runtime errors, and the definitions stay valid.
 */
class ValidatorConformanceTest {

  @TestFactory
  Stream<DynamicTest> conformanceCases_everyDefinition_hasNoDiagnostics() throws IOException {
    Path cases = casesFolder();
    assumeTrue(cases != null, "no shared/conformance/cases folder beside the project");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(cases)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(cases.relativize(file).toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    JsonNode definition = Json.parse(Files.readString(file)).get("definition");
    List<Diagnostic> diagnostics = Validator.validate(Json.write(definition));
    assertThat(diagnostics).isEmpty();
  }

  /** The shared folder lies beside the project's clone, or is named by a system property. */
  private static Path casesFolder() {
    String configured = System.getProperty("mercury.conformance.cases");
    if (configured != null) {
      return Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path cases = dir.resolve("shared").resolve("conformance").resolve("cases");
      if (Files.isDirectory(cases)) {
        return cases;
      }
    }
    return null;
  }
}
