package dev.mercury.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads .tf files with HashiCorp's HCL parser, which {@code @cdktf/hcl2json} ships compiled to
 * WebAssembly, through {@code tools/tf-parse.js}. No Terraform binary is needed, so the checks run
 * wherever Node.js does.
 */
final class Hcl2Json {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path tools;

  Hcl2Json(Path tools) {
    this.tools = tools;
  }

  /** Whether both node and npm answer, which is all this needs from the machine. */
  static boolean nodeAvailable() {
    return answers("node", "--version") && answers("npm", "--version");
  }

  /**
   * Installs the parser from the committed package-lock.json when node_modules lacks it. A failed
   * install is an error, not a reason to skip: it means the lock file or the registry is wrong.
   */
  void install() throws IOException, InterruptedException {
    if (Files.exists(tools.resolve("node_modules/@cdktf/hcl2json/package.json"))) {
      return;
    }
    Output output = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    if (output.exitCode() != 0) {
      throw new IllegalStateException(
          "npm ci in " + tools + " failed (exit " + output.exitCode() + "):\n" + output.all());
    }
  }

  List<ParsedFile> parse(List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "tf-parse.js"));
    files.forEach(file -> command.add(file.toAbsolutePath().toString()));
    Output output = run(command, 120);
    if (output.exitCode() != 0) {
      throw new IllegalStateException("tf-parse.js failed:\n" + output.all());
    }
    List<ParsedFile> parsed = new ArrayList<>();
    for (JsonNode file : JSON.readTree(output.stdout()).path("files")) {
      parsed.add(ParsedFile.from(file));
    }
    return parsed;
  }

  private Output run(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path errors = Files.createTempFile("hcl2json", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(tools.toFile())
              .redirectError(errors.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in time");
      }
      return new Output(process.exitValue(), stdout, Files.readString(errors));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static boolean answers(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Output(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }
}
