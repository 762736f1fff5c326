package dev.mercury.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.api.StepFunctionsService;
import dev.mercury.language.json.Json;
import dev.mercury.store.memory.MemoryCheckpointStore;
import dev.mercury.store.memory.MemoryResourceStore;
import dev.mercury.store.memory.MemoryStateMachineStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web console on the same port as the API, through a real HTTP client. */
class ConsoleTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpTrigger trigger;

  @BeforeEach
  void start() throws Exception {
    MemoryCheckpointStore store = new MemoryCheckpointStore();
    StepFunctionsService service =
        StepFunctionsService.create(
            new MemoryStateMachineStore(),
            store,
            new MemoryResourceStore(),
            StepFunctionsService.Options.defaults());
    trigger = HttpTrigger.start("127.0.0.1", 0, service.api());
  }

  @AfterEach
  void stop() {
    trigger.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trigger.port() + path));
  }

  @Test
  void getRoot_servesThePageThatLoadsItsScript() throws Exception {
    HttpResponse<String> page = send(at("/"));
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("src=\"/console/console.js\""), page.body());
    HttpResponse<String> script = send(at("/console/layout.js"));
    assertEquals(200, script.statusCode());
    assertTrue(
        script.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    assertTrue(script.body().contains("export function layout"));
  }

  @Test
  void unknownOrEscapingPaths_areNotFound() throws Exception {
    assertEquals(404, send(at("/console/missing.js")).statusCode());
    assertEquals(404, send(at("/console/..%2Fserver%2FConsole.class")).statusCode());
    assertEquals(404, send(at("/elsewhere")).statusCode());
  }

  @Test
  void flowchart_ofAValidDefinition_isItsBoxesAndArrows() throws Exception {
    HttpResponse<String> response =
        send(
            at(Console.FLOWCHART_PATH)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
                         "B": {"Type": "Succeed"}}}
                        """)));
    assertEquals(200, response.statusCode());
    JsonNode chart = Json.parseTrusted(response.body());
    assertEquals("s0", chart.get("start").asText());
    assertEquals("A", chart.at("/boxes/0/name").asText());
    assertEquals("Succeed", chart.at("/boxes/1/type").asText());
    assertEquals("s1", chart.at("/arrows/0/to").asText());
    assertEquals("next", chart.at("/arrows/0/kind").asText());
  }

  @Test
  void flowchart_ofAnInvalidDefinition_isItsDiagnostics() throws Exception {
    HttpResponse<String> response =
        send(
            at(Console.FLOWCHART_PATH)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\":"
                            + " \"Nowhere\"}}}")));
    assertEquals(400, response.statusCode());
    JsonNode diagnostics = Json.parseTrusted(response.body()).get("diagnostics");
    assertTrue(diagnostics.size() >= 1);
    assertTrue(diagnostics.toString().contains("Nowhere"), diagnostics.toString());
    assertEquals("/States/A/Next", diagnostics.get(0).get("pointer").asText());
  }

  @Test
  void theApi_stillAnswersPostOnTheSamePort() throws Exception {
    HttpResponse<String> response =
        send(
            at("/")
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(200, response.statusCode());
    assertEquals(0, Json.parseTrusted(response.body()).get("stateMachines").size());
    HttpResponse<String> put = send(at("/").PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(405, put.statusCode());
  }
}
