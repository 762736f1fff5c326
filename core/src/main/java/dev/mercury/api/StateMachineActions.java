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

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, List. */
final class StateMachineActions {
  private final StateMachineStore machines;
  private final Tags tags;

  StateMachineActions(StateMachineStore machines, Tags tags) {
    this.machines = machines;
    this.tags = tags;
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
    StoredStateMachine machine =
        new StoredStateMachine(
            Arns.stateMachine(name),
            name,
            definition,
            Requests.required(request, "roleArn"),
            type == null ? "STANDARD" : type,
            System.currentTimeMillis());
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
    return response;
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
    return new Targets(machines).existing(arn);
  }

  private ObjectNode describe(JsonNode request) {
    StoredStateMachine machine = existing(Requests.required(request, "stateMachineArn"));
    return describe(machine);
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
    return response;
  }

  private ObjectNode update(JsonNode request) {
    StoredStateMachine machine = existing(Requests.required(request, "stateMachineArn"));
    String definition = Requests.optional(request, "definition");
    if (definition != null) {
      requireValid(definition);
    }
    String roleArn = Requests.optional(request, "roleArn");
    machines.update(
        new StoredStateMachine(
            machine.arn(),
            machine.name(),
            definition != null ? definition : machine.definition(),
            roleArn != null ? roleArn : machine.roleArn(),
            machine.type(),
            machine.createdMillis()));
    ObjectNode response = Json.object();
    response.put("updateDate", Requests.seconds(System.currentTimeMillis()));
    return response;
  }

  private ObjectNode delete(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    machines.delete(arn);
    tags.forget(arn);
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
