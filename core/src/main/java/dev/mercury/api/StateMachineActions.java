package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.validate.Diagnostic;
import dev.mercury.language.validate.Validator;
import dev.mercury.port.StateMachineStore;
import dev.mercury.port.StateMachineStore.StoredStateMachine;
import dev.mercury.transition.Arns;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, List. */
final class StateMachineActions {
  private final StateMachineStore machines;
  private final Targets targets;
  private final Versions versions;
  private final Tags tags;
  private final LongSupplier clock;

  StateMachineActions(
      StateMachineStore machines,
      Targets targets,
      Versions versions,
      Tags tags,
      LongSupplier clock) {
    this.machines = machines;
    this.targets = targets;
    this.versions = versions;
    this.tags = tags;
    this.clock = clock;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("CreateStateMachine", this::create);
    actions.put("DescribeStateMachine", this::describe);
    actions.put("UpdateStateMachine", this::update);
    actions.put("DeleteStateMachine", this::delete);
    actions.put("ListStateMachines", this::list);
    actions.put("ValidateStateMachineDefinition", this::validate);
  }

  private ObjectNode create(JsonNode request) {
    String name = Requests.name(request, "name", true);
    String definition = Requests.bounded(request, "definition", 1, 1024 * 1024, true);
    requireValid(definition);
    String type = Requests.optional(request, "type");
    if (type != null && !type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + type
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [STANDARD, EXPRESS]");
    }
    StoredStateMachine machine =
        new StoredStateMachine(
            Arns.stateMachine(name),
            name,
            definition,
            Requests.bounded(request, "roleArn", 1, 256, true),
            type == null ? "STANDARD" : type,
            clock.getAsLong());
    if (machines.create(machine)) {
      tags.tag(machine.arn(), request.path("tags"));
    } else {
      StoredStateMachine existing = machines.get(machine.arn());
      if (!existing.definition().equals(definition)) {
        throw new ApiException(
            "StateMachineAlreadyExists", "State Machine Already Exists: '" + machine.arn() + "'");
      }
      machine = existing;
    }
    ObjectNode response = Json.object();
    response.put("stateMachineArn", machine.arn());
    response.put("creationDate", Requests.seconds(machine.createdMillis()));
    publishIfAsked(request, machine, response);
    return response;
  }

  /** CreateStateMachine and UpdateStateMachine publish a version when {@code publish} is true. */
  private void publishIfAsked(JsonNode request, StoredStateMachine machine, ObjectNode response) {
    if (request.path("publish").asBoolean(false)) {
      String description = Requests.bounded(request, "versionDescription", 0, 256, false);
      response.put("stateMachineVersionArn", versions.publish(machine, description).arn());
    }
  }

  private static void requireValid(String definition) {
    List<Diagnostic> problems = Validator.validate(definition);
    if (!problems.isEmpty()) {
      Diagnostic first = problems.get(0);
      throw new ApiException(
          "InvalidDefinition",
          "Invalid State Machine Definition: '"
              + first.message()
              + " at "
              + first.pointer()
              + " (line "
              + first.line()
              + ", column "
              + first.column()
              + ")'"
              + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more problems" : ""));
    }
  }

  private StoredStateMachine existing(String arn) {
    return targets.existing(arn);
  }

  /** A version ARN describes the version; an alias ARN the version it routes to most. */
  private ObjectNode describe(JsonNode request) {
    String arn = Requests.bounded(request, "stateMachineArn", 1, 256, true);
    String qualifier = Targets.qualifier(arn);
    if (qualifier == null) {
      return describe(existing(arn));
    }
    StoredStateMachine machine = existing(Targets.unqualified(arn));
    String versionArn = arn;
    if (!Targets.isVersionNumber(qualifier)) {
      JsonNode routes = targets.alias(arn).document().path("routingConfiguration");
      JsonNode heaviest = routes.get(0);
      for (JsonNode route : routes) {
        heaviest =
            route.path("weight").asInt() > heaviest.path("weight").asInt() ? route : heaviest;
      }
      versionArn = heaviest.path("stateMachineVersionArn").asText();
    }
    return versions.describeVersion(machine, targets.version(versionArn));
  }

  static ObjectNode describe(StoredStateMachine machine) {
    ObjectNode response = Json.object();
    response.put("stateMachineArn", machine.arn());
    response.put("name", machine.name());
    response.put("status", "ACTIVE");
    response.put("definition", machine.definition());
    response.put("roleArn", machine.roleArn());
    response.put("type", machine.type());
    response.put("creationDate", Requests.seconds(machine.createdMillis()));
    response.put("revisionId", Targets.revisionId(machine.definition(), machine.roleArn()));
    return response;
  }

  private ObjectNode update(JsonNode request) {
    StoredStateMachine machine = existing(Requests.required(request, "stateMachineArn"));
    String definition = Requests.optional(request, "definition");
    if (definition != null) {
      requireValid(definition);
    }
    String roleArn = Requests.optional(request, "roleArn");
    StoredStateMachine updated =
        new StoredStateMachine(
            machine.arn(),
            machine.name(),
            definition != null ? definition : machine.definition(),
            roleArn != null ? roleArn : machine.roleArn(),
            machine.type(),
            machine.createdMillis());
    machines.update(updated);
    targets.changed(updated.arn());
    ObjectNode response = Json.object();
    response.put("updateDate", Requests.seconds(clock.getAsLong()));
    response.put("revisionId", Targets.revisionId(updated.definition(), updated.roleArn()));
    publishIfAsked(request, updated, response);
    return response;
  }

  private ObjectNode delete(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    machines.delete(arn);
    targets.changed(arn);
    tags.forget(arn);
    versions.forget(arn);
    return Json.object();
  }

  private ObjectNode list(JsonNode request) {
    return Requests.page(request, "stateMachines", machines.list(), StateMachineActions::item);
  }

  private static ObjectNode item(StoredStateMachine machine) {
    ObjectNode item = Json.object();
    item.put("stateMachineArn", machine.arn());
    item.put("name", machine.name());
    item.put("type", machine.type());
    item.put("creationDate", Requests.seconds(machine.createdMillis()));
    return item;
  }

  private ObjectNode validate(JsonNode request) {
    List<Diagnostic> problems = Validator.validate(Requests.required(request, "definition"));
    ObjectNode response = Json.object();
    response.put("result", problems.isEmpty() ? "OK" : "FAIL");
    ArrayNode diagnostics = response.putArray("diagnostics");
    for (Diagnostic problem : problems) {
      ObjectNode item = diagnostics.addObject();
      item.put("severity", "ERROR");
      item.put("code", problem.code().toUpperCase().replace('-', '_'));
      item.put("message", problem.message());
      item.put("location", problem.pointer());
    }
    return response;
  }
}
