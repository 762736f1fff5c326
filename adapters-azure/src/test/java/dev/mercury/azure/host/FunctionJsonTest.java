package dev.mercury.azure.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.mercury.language.json.Json;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The function.json files the build packs (src/main/azure) say what the annotations on {@link
 * OrchestratorFunctions} say, since no Azure tool writes them from the annotations here.
 */
class FunctionJsonTest {
  @Test
  void everyAnnotatedFunction_hasAFunctionJsonThatMatchesIt() throws Exception {
    List<String> names = new ArrayList<>();
    for (Method method : OrchestratorFunctions.class.getMethods()) {
      FunctionName name = method.getAnnotation(FunctionName.class);
      if (name == null) {
        continue;
      }
      names.add(name.value());
      JsonNode json =
          Json.parseTrusted(
              Files.readString(Path.of("src/main/azure", name.value(), "function.json")));
      HttpTrigger trigger = trigger(method);

      assertThat(json.path("scriptFile").asText()).isEqualTo("../${azure.jar}");
      assertThat(json.path("entryPoint").asText())
          .isEqualTo(OrchestratorFunctions.class.getName() + "." + method.getName());
      JsonNode binding = json.path("bindings").get(0);
      assertThat(binding.path("type").asText()).isEqualTo("httpTrigger");
      assertThat(binding.path("direction").asText()).isEqualTo("in");
      assertThat(binding.path("name").asText()).isEqualTo(trigger.name());
      assertThat(binding.path("authLevel").asText()).isEqualTo(trigger.authLevel().name());
      assertThat(binding.path("route").asText("")).isEqualTo(trigger.route());
      assertThat(binding.path("dataType").asText()).isEqualTo(trigger.dataType());
      List<String> methods = new ArrayList<>();
      binding.path("methods").forEach(m -> methods.add(m.asText()));
      assertThat(methods)
          .containsExactlyElementsOf(Arrays.stream(trigger.methods()).map(Enum::name).toList());
      JsonNode output = json.path("bindings").get(1);
      assertThat(output.path("type").asText()).isEqualTo("http");
      assertThat(output.path("name").asText()).isEqualTo("$return");
    }
    try (var folders = Files.list(Path.of("src/main/azure"))) {
      assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(names);
    }
  }

  private static HttpTrigger trigger(Method method) {
    for (Parameter parameter : method.getParameters()) {
      HttpTrigger trigger = parameter.getAnnotation(HttpTrigger.class);
      if (trigger != null) {
        return trigger;
      }
    }
    throw new AssertionError(method + " has no HttpTrigger parameter");
  }
}
