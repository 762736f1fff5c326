package dev.mercury.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.infra.ParsedFile.Reference;
import dev.mercury.infra.TerraformModule.Declaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mistakes {@code terraform validate} would catch without a provider: references to variables,
 * locals, module outputs, resources and data sources that do not exist, module calls that miss a
 * required variable or pass an unknown one, and variables that nothing reads.
 */
final class ModuleChecks {
  /** Arguments of a module block that are Terraform's, not the module's variables. */
  private static final Set<String> META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  private final Map<Path, TerraformModule> modules;

  /** {@code modules} by their normalized absolute directory, so calls can find each other. */
  ModuleChecks(Map<Path, TerraformModule> modules) {
    this.modules = modules;
  }

  List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    for (TerraformModule module : modules.values()) {
      for (ParsedFile file : module.files()) {
        file.errors().forEach(error -> problems.add(new Problem(file.file(), 0, error)));
        file.references().forEach(reference -> check(module, file, reference, problems));
      }
      problems.addAll(module.duplicates());
      module.moduleCalls().values().forEach(call -> checkCall(module, call, problems));
      checkUnused(module, problems);
    }
    return problems;
  }

  private void check(
      TerraformModule module, ParsedFile file, Reference reference, List<Problem> problems) {
    List<String> segments = reference.segments();
    if (segments.size() < 2) {
      return;
    }
    String missing =
        switch (reference.root()) {
          case "var" -> absent(module.variables(), segments.get(1), "variable");
          case "local" -> absent(module.locals(), segments.get(1), "local value");
          case "module" -> moduleOutput(module, segments);
          case "data" ->
              segments.size() < 3
                  ? null
                  : absent(module.dataSources(), reference.prefix(3).substring(5), "data source");
          default ->
              isResourceType(reference.root(), module)
                  ? absent(module.resources(), reference.prefix(2), "resource")
                  : null;
        };
    if (missing != null) {
      String text = reference.prefix(reference.root().equals("data") ? 3 : 2);
      problems.add(
          Problem.at(
              file.file(),
              text,
              reference.accessor() + " (in " + reference.where() + "): " + missing));
    }
  }

  private static String absent(Map<String, Declaration> declared, String name, String kind) {
    return declared.containsKey(name) ? null : "no " + kind + " " + name + " in this module";
  }

  private String moduleOutput(TerraformModule module, List<String> segments) {
    String name = segments.get(1);
    Declaration call = module.moduleCalls().get(name);
    if (call == null) {
      return "no module block " + name + " in this module";
    }
    TerraformModule called = called(module, call);
    if (called == null || segments.size() < 3 || called.outputs().containsKey(segments.get(2))) {
      return null;
    }
    return "module "
        + name
        + " ("
        + called.directory().getFileName()
        + ") has no output "
        + segments.get(2)
        + " in its outputs.tf";
  }

  /**
   * Whether a reference's first name is a resource type: it starts with a provider's name, one from
   * required_providers or one whose resources the module declares.
   */
  private static boolean isResourceType(String root, TerraformModule module) {
    if (root.equals("terraform_data")) {
      return true;
    }
    Set<String> providers = new HashSet<>(module.providers());
    for (String resource : module.resources().keySet()) {
      int cut = resource.indexOf('_');
      if (cut > 0) {
        providers.add(resource.substring(0, cut));
      }
    }
    return providers.stream().anyMatch(provider -> root.startsWith(provider + "_"));
  }

  private void checkCall(TerraformModule module, Declaration call, List<Problem> problems) {
    String source = call.block().path("source").asText();
    if (!source.startsWith("./") && !source.startsWith("../")) {
      return;
    }
    String label = "module \"" + call.name() + "\"";
    TerraformModule called = called(module, call);
    if (called == null) {
      problems.add(
          Problem.at(
              call.file(),
              label,
              "module " + call.name() + ": source " + source + " holds no .tf files"));
      return;
    }

    Set<String> passed = new LinkedHashSet<>();
    call.block().fieldNames().forEachRemaining(passed::add);
    passed.removeAll(META_ARGUMENTS);
    for (String argument : passed) {
      if (!called.variables().containsKey(argument)) {
        problems.add(
            Problem.atArgument(
                call.file(),
                label,
                argument,
                "module "
                    + call.name()
                    + " passes "
                    + argument
                    + ", which "
                    + source
                    + " does not declare"));
      }
    }
    for (Declaration variable : called.variables().values()) {
      if (!variable.block().has("default") && !passed.contains(variable.name())) {
        problems.add(
            Problem.at(
                call.file(),
                label,
                "module "
                    + call.name()
                    + " does not pass "
                    + variable.name()
                    + ", which "
                    + source
                    + " requires (it has no default)"));
      }
    }
  }

  private TerraformModule called(TerraformModule module, Declaration call) {
    JsonNode source = call.block().path("source");
    return modules.get(module.directory().resolve(source.asText()).normalize());
  }

  private static void checkUnused(TerraformModule module, List<Problem> problems) {
    Set<String> used = new HashSet<>();
    for (ParsedFile file : module.files()) {
      for (Reference reference : file.references()) {
        if (reference.root().equals("var") && reference.segments().size() > 1) {
          used.add(reference.segments().get(1));
        }
      }
    }
    for (Declaration variable : module.variables().values()) {
      if (!used.contains(variable.name())) {
        problems.add(
            Problem.at(
                variable.file(),
                "variable \"" + variable.name() + "\"",
                "variable " + variable.name() + " is declared but nothing reads it"));
      }
    }
  }
}
