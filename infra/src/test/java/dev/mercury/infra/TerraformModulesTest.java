package dev.mercury.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.infra.TerraformModule.Declaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads every .tf file under infra/ with HashiCorp's HCL parser and checks what {@code terraform
 * validate} would, short of the providers' schemas, plus the contract between this Terraform and
 * the functions the build produces: artifact paths, runtimes, entry points and settings.
 */
class TerraformModulesTest {
  /** Surefire runs in the module's own folder. */
  private static final Path INFRA = Path.of("").toAbsolutePath();

  private static final Path REPOSITORY = INFRA.getParent();
  private static final List<String> SETTINGS =
      List.of("MERCURY_NATS", "MERCURY_ELASTICSEARCH", "MERCURY_PREFIX", "MERCURY_ACCESS_KEY");

  private static Map<Path, TerraformModule> modules;

  /** Reads once for all tests; without Node.js each test is skipped by {@link #needsNode}. */
  @BeforeAll
  static void readTerraform() throws Exception {
    if (!Hcl2Json.nodeAvailable()) {
      return;
    }
    Hcl2Json hcl = new Hcl2Json(INFRA.resolve("tools"));
    hcl.install();
    modules = TerraformTree.read(hcl, INFRA);
  }

  @BeforeEach
  void needsNode() {
    assumeTrue(modules != null, "node and npm are not on PATH, so the Terraform cannot be parsed");
  }

  @Test
  void everyTfFile_parsesAndEveryReferenceResolves() {
    List<Problem> problems = new ModuleChecks(modules).problems();

    assertThat(problems)
        .withFailMessage(
            () ->
                "Terraform under "
                    + INFRA
                    + " has problems:\n"
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void tree_holdsTheThreeModulesAndTheirExamples() {
    Set<String> directories = new TreeSet<>();
    modules.keySet().forEach(directory -> directories.add(INFRA.relativize(directory).toString()));

    assertThat(directories)
        .containsExactly(
            "examples/aws",
            "examples/azure",
            "examples/gcp",
            "modules/aws-lambda",
            "modules/azure-functions",
            "modules/gcp-functions");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modules/aws-lambda", "modules/azure-functions", "modules/gcp-functions"})
  void module_keepsEachKindOfBlockInItsOwnFile(String directory) throws Exception {
    TerraformModule module = module(directory);
    List<String> misplaced = new ArrayList<>();
    module.variables().values().forEach(d -> expectIn(d, "variables.tf", "variable", misplaced));
    module.outputs().values().forEach(d -> expectIn(d, "outputs.tf", "output", misplaced));
    for (ParsedFile file : module.files()) {
      if (file.body().has("terraform") && !file.file().endsWith("versions.tf")) {
        misplaced.add(file.file().getFileName() + " holds a terraform block");
      }
    }

    try (var files = Files.list(module.directory())) {
      assertThat(files.map(path -> path.getFileName().toString()).filter(n -> n.endsWith(".tf")))
          .containsExactlyInAnyOrder("main.tf", "variables.tf", "outputs.tf", "versions.tf");
    }
    assertThat(misplaced).isEmpty();
    assertThat(module.providers()).as("required_providers in %s", directory).hasSize(1);
  }

  /**
   * The modules find the artifacts from their own folder, and upload what local.package_path names;
   * the examples leave the default alone unless told otherwise, so the module's default is the one
   * that must be right.
   */
  @ParameterizedTest
  @CsvSource({
    "modules/aws-lambda, examples/aws, adapters-aws/target/mercury-lambda.jar,"
        + " resource.aws_lambda_function.this.filename",
    "modules/gcp-functions, examples/gcp, adapters-gcp/target/mercury-gcp-function.zip,"
        + " resource.google_storage_bucket_object.package.source",
    "modules/azure-functions, examples/azure, adapters-azure/target/mercury-azure-functions.zip,"
        + " resource.azurerm_storage_blob.package.source"
  })
  void packagePathDefault_resolvesToTheArtifactTheBuildProduces(
      String moduleDirectory, String exampleDirectory, String artifact, String upload) {
    TerraformModule module = module(moduleDirectory);
    JsonNode moduleDefault = module.variables().get("package_path").block().path("default");
    JsonNode exampleDefault =
        module(exampleDirectory).variables().get("package_path").block().path("default");

    assertThat(moduleDefault.isTextual())
        .as("%s: package_path has a default", moduleDirectory)
        .isTrue();
    assertThat(module.directory().resolve(moduleDefault.asText()).normalize())
        .isEqualTo(REPOSITORY.resolve(artifact));
    assertThat(exampleDefault.isNull())
        .as("%s: package_path defaults to null", exampleDirectory)
        .isTrue();
    assertThat(module.files())
        .flatMap(ParsedFile::references)
        .anySatisfy(
            reference -> {
              assertThat(reference.where()).isEqualTo(upload);
              assertThat(reference.prefix(2)).isEqualTo("local.package_path");
            });
  }

  @Test
  void lambda_runsTheHandlerOnJava21() {
    JsonNode function = resource("modules/aws-lambda", "aws_lambda_function.this");

    assertThat(function.path("runtime").asText()).isEqualTo("java21");
    assertThat(function.path("handler").asText())
        .isEqualTo("dev.mercury.aws.host.LambdaHandler::handleRequest");
  }

  @Test
  void cloudFunctions_runBothEntryPointsOnJava21() {
    TerraformModule module = module("modules/gcp-functions");
    JsonNode function = resource("modules/gcp-functions", "google_cloudfunctions2_function.this");
    Set<String> entryPoints = new TreeSet<>();
    module
        .locals()
        .get("functions")
        .block()
        .forEach(f -> entryPoints.add(f.path("entry_point").asText()));

    assertThat(function.path("build_config").path(0).path("runtime").asText()).isEqualTo("java21");
    assertThat(entryPoints)
        .containsExactly("dev.mercury.gcp.host.ApiFunction", "dev.mercury.gcp.host.StepFunction");
  }

  @Test
  void functionApp_runsJava21() {
    JsonNode app = resource("modules/azure-functions", "azurerm_linux_function_app.this");

    assertThat(
            app.path("site_config")
                .path(0)
                .path("application_stack")
                .path(0)
                .path("java_version")
                .asText())
        .isEqualTo("21");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modules/aws-lambda", "modules/azure-functions", "modules/gcp-functions"})
  void module_givesTheFunctionsMercurysSettings(String directory) {
    String environment = module(directory).locals().get("environment").block().asText();

    assertThat(environment).contains(SETTINGS);
  }

  @Test
  void lambda_namesItsSecretInMercurySecretsArn() {
    String environment = module("modules/aws-lambda").locals().get("environment").block().asText();

    assertThat(environment).containsPattern("MERCURY_SECRETS_ARN\\s*=\\s*var\\.secrets_arn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/aws", "examples/azure", "examples/gcp"})
  void example_outputsTheTriggerAndWhatTheBridgeNeeds(String directory) {
    assertThat(module(directory).outputs().keySet())
        .contains("api_url", "bridge_function", "bridge_config");
  }

  private static void expectIn(
      Declaration declaration, String file, String kind, List<String> out) {
    if (!declaration.file().endsWith(file)) {
      out.add(kind + " " + declaration.name() + " is in " + declaration.file().getFileName());
    }
  }

  private static JsonNode resource(String directory, String name) {
    Declaration resource = module(directory).resources().get(name);
    assertThat(resource).as("%s declares %s", directory, name).isNotNull();
    return resource.block();
  }

  private static TerraformModule module(String directory) {
    TerraformModule module = modules.get(INFRA.resolve(directory).normalize());
    assertThat(module).as("Terraform in %s", directory).isNotNull();
    return module;
  }
}
