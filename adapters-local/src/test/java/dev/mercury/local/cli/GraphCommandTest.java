package dev.mercury.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercury.language.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mercury graph} on the shipped examples and on a broken definition. */
class GraphCommandTest {
  private record Outcome(int exit, String out, String err) {}

  private static Outcome mercury(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Mercury.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return new Outcome(command.execute(args), out.toString(), err.toString());
  }

  @Test
  void graph_ordersExample_isAMermaidFlowchartWithItsCatcher() {
    Outcome outcome = mercury("graph", "../examples/orders.asl.json");
    assertEquals(0, outcome.exit(), outcome.err());
    assertTrue(outcome.out().startsWith("flowchart TD"), outcome.out());
    assertTrue(outcome.out().contains("s0[\"Charge<br/><i>Task</i>\"]"), outcome.out());
    assertTrue(outcome.out().contains("-. \"Catch States.ALL\" .->"), outcome.out());
  }

  @Test
  void graph_asDotAndJson() {
    Outcome dot = mercury("graph", "--format", "dot", "../examples/word-count.asl.json");
    assertEquals(0, dot.exit(), dot.err());
    assertTrue(dot.out().startsWith("digraph workflow {"), dot.out());
    Outcome json = mercury("graph", "--format", "json", "../examples/word-count.asl.json");
    assertEquals("Count", Json.parseTrusted(json.out()).at("/boxes/0/name").asText());
  }

  @Test
  void graph_ofABrokenDefinition_printsItsDiagnosticsAndExits2(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.asl.json");
    Files.writeString(broken, "{\"StartAt\": \"Missing\", \"States\": {}}");
    Outcome outcome = mercury("graph", broken.toString());
    assertEquals(Mercury.EXIT_INVALID, outcome.exit());
    assertTrue(outcome.err().contains("broken.asl.json:1:"), outcome.err());
    assertEquals("", outcome.out());
  }
}
