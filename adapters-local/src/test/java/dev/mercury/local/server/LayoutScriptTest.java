package dev.mercury.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the console's layout tests ({@code src/test/js}) with Node's test runner, on the very file
 * the server ships. Skipped where no {@code node} is installed.
 */
class LayoutScriptTest {
  @Test
  void layoutScript_passesItsNodeTests(@TempDir Path dir) throws Exception {
    assumeTrue(nodeAvailable(), "node is not installed");
    try (InputStream script =
        getClass().getResourceAsStream("/dev/mercury/local/console/layout.js")) {
      // .mjs makes node read the file as an ES module without a package.json.
      Files.write(dir.resolve("layout.mjs"), script.readAllBytes());
    }
    Files.copy(Path.of("src/test/js/layout.test.mjs"), dir.resolve("layout.test.mjs"));
    Process node =
        new ProcessBuilder("node", "--test", "layout.test.mjs")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, node.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, node.exitValue(), output);
  }

  private static boolean nodeAvailable() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
