package dev.mercury.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One .tf file as the HCL parser read it: its body in HCL's JSON form, the references its
 * expressions make, and whatever did not parse.
 */
record ParsedFile(Path file, JsonNode body, List<Reference> references, List<String> errors) {

  /**
   * A traversal such as {@code var.name} or {@code aws_iam_role.this.arn}, cut at its first index:
   * {@code segments} are its names, {@code where} the attribute that holds it.
   */
  record Reference(List<String> segments, String accessor, String where) {
    String root() {
      return segments.getFirst();
    }

    /** The first {@code count} segments joined, or all of them when there are fewer. */
    String prefix(int count) {
      return String.join(".", segments.subList(0, Math.min(count, segments.size())));
    }
  }

  static ParsedFile from(JsonNode node) {
    Path file = Path.of(node.path("file").asText());
    List<String> errors = new ArrayList<>();
    if (node.hasNonNull("error")) {
      errors.add("does not parse: " + node.get("error").asText());
    }
    for (JsonNode error : node.path("errors")) {
      errors.add(
          "expression in "
              + error.path("where").asText()
              + " does not parse: "
              + error.path("error").asText());
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode reference : node.path("references")) {
      references.add(
          new Reference(
              List.of(reference.path("ref").asText().split("\\.")),
              reference.path("accessor").asText(),
              reference.path("where").asText()));
    }
    return new ParsedFile(file, node.path("body"), references, errors);
  }
}
