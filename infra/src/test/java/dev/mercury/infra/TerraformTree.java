package dev.mercury.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every .tf file under a folder, read at once and grouped into modules by directory. */
final class TerraformTree {
  /** Folders that hold no Terraform of ours: build output, npm's packages, terraform's cache. */
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", "src", ".terraform");

  private TerraformTree() {}

  static Map<Path, TerraformModule> read(Hcl2Json hcl, Path root)
      throws IOException, InterruptedException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(path -> path.toString().endsWith(".tf"))
              .filter(path -> !skipped(root, path))
              .map(path -> path.toAbsolutePath().normalize())
              .sorted()
              .toList();
    }
    Map<Path, List<ParsedFile>> byDirectory =
        hcl.parse(files).stream()
            .collect(
                Collectors.groupingBy(
                    file -> file.file().getParent(), TreeMap::new, Collectors.toList()));
    Map<Path, TerraformModule> modules = new LinkedHashMap<>();
    byDirectory.forEach(
        (directory, parsed) -> modules.put(directory, new TerraformModule(directory, parsed)));
    return modules;
  }

  private static boolean skipped(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
