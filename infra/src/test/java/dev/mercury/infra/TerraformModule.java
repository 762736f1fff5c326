package dev.mercury.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What one directory of .tf files declares, as Terraform sees a module: every file's variables,
 * outputs, locals, resources, data sources, module calls and provider names together.
 */
final class TerraformModule {
  /** One declaration: where it is and its block. */
  record Declaration(String name, Path file, JsonNode block) {}

  private final Path directory;
  private final List<ParsedFile> files;
  private final Map<String, Declaration> variables = new LinkedHashMap<>();
  private final Map<String, Declaration> outputs = new LinkedHashMap<>();
  private final Map<String, Declaration> locals = new LinkedHashMap<>();
  private final Map<String, Declaration> resources = new LinkedHashMap<>();
  private final Map<String, Declaration> dataSources = new LinkedHashMap<>();
  private final Map<String, Declaration> moduleCalls = new LinkedHashMap<>();
  private final Set<String> providers = new LinkedHashSet<>();
  private final List<Problem> duplicates = new ArrayList<>();

  TerraformModule(Path directory, List<ParsedFile> files) {
    this.directory = directory;
    this.files = List.copyOf(files);
    files.forEach(this::declare);
  }

  private void declare(ParsedFile file) {
    JsonNode body = file.body();
    named(body.path("variable"), (name, block) -> add(variables, "variable", name, file, block));
    named(body.path("output"), (name, block) -> add(outputs, "output", name, file, block));
    named(body.path("module"), (name, block) -> add(moduleCalls, "module", name, file, block));
    typed(body.path("resource"), (name, block) -> add(resources, "resource", name, file, block));
    typed(body.path("data"), (name, block) -> add(dataSources, "data", name, file, block));
    for (JsonNode localsBlock : body.path("locals")) {
      localsBlock
          .properties()
          .forEach(entry -> add(locals, "local", entry.getKey(), file, entry.getValue()));
    }
    for (JsonNode terraform : body.path("terraform")) {
      for (JsonNode required : terraform.path("required_providers")) {
        required.fieldNames().forEachRemaining(providers::add);
      }
    }
  }

  /** Blocks with one label ({@code variable "x"}): name to each block. */
  private static void named(JsonNode blocks, BiConsumer<String, JsonNode> each) {
    blocks
        .properties()
        .forEach(entry -> entry.getValue().forEach(block -> each.accept(entry.getKey(), block)));
  }

  /** Blocks with two labels ({@code resource "type" "name"}): "type.name" to each block. */
  private static void typed(JsonNode blocks, BiConsumer<String, JsonNode> each) {
    blocks
        .properties()
        .forEach(
            type ->
                named(
                    type.getValue(),
                    (name, block) -> each.accept(type.getKey() + "." + name, block)));
  }

  private void add(
      Map<String, Declaration> into, String kind, String name, ParsedFile file, JsonNode block) {
    Declaration earlier = into.putIfAbsent(name, new Declaration(name, file.file(), block));
    if (earlier != null) {
      duplicates.add(
          Problem.at(
              file.file(),
              header(kind, name),
              kind
                  + " "
                  + name
                  + " is declared twice (also in "
                  + earlier.file().getFileName()
                  + ")"));
    }
  }

  /**
   * How the declaration starts in the source: {@code resource "type" "name"}, or a local's name.
   */
  private static String header(String kind, String name) {
    return kind.equals("local") ? name : kind + " \"" + name.replace(".", "\" \"") + "\"";
  }

  Path directory() {
    return directory;
  }

  List<ParsedFile> files() {
    return files;
  }

  Map<String, Declaration> variables() {
    return variables;
  }

  Map<String, Declaration> outputs() {
    return outputs;
  }

  Map<String, Declaration> locals() {
    return locals;
  }

  Map<String, Declaration> resources() {
    return resources;
  }

  Map<String, Declaration> dataSources() {
    return dataSources;
  }

  Map<String, Declaration> moduleCalls() {
    return moduleCalls;
  }

  /** The local names in required_providers, such as "aws": resource types start with them. */
  Set<String> providers() {
    return providers;
  }

  Collection<Problem> duplicates() {
    return duplicates;
  }
}
