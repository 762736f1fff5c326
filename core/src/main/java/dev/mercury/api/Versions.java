package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.port.StateMachineStore.StoredStateMachine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * State machine versions and aliases. A version is an immutable copy of a revision (definition and
 * role), numbered from 1 and never renumbered; publishing a revision already published returns its
 * version. An alias routes StartExecution to one version, or to two by weights that add up to 100
 * (see {@link Targets}). A version an alias routes to cannot be deleted.
 */
final class Versions {
  private static final String COUNTER_KIND = "versionCounter";

  private final ResourceStore resources;
  private final Targets targets;
  private final LongSupplier clock;

  Versions(ResourceStore resources, Targets targets, LongSupplier clock) {
    this.resources = resources;
    this.targets = targets;
    this.clock = clock;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("PublishStateMachineVersion", this::publish);
    actions.put("ListStateMachineVersions", this::listVersions);
    actions.put("DeleteStateMachineVersion", this::deleteVersion);
    actions.put("CreateStateMachineAlias", this::createAlias);
    actions.put("DescribeStateMachineAlias", this::describeAlias);
    actions.put("UpdateStateMachineAlias", this::updateAlias);
    actions.put("DeleteStateMachineAlias", this::deleteAlias);
    actions.put("ListStateMachineAliases", this::listAliases);
  }

  private ObjectNode publish(JsonNode request) {
    StoredStateMachine machine = targets.existing(Requests.required(request, "stateMachineArn"));
    String revision = Requests.optional(request, "revisionId");
    String current = Targets.revisionId(machine.definition(), machine.roleArn());
    if (revision != null && !revision.equals(current)) {
      throw new ApiException(
          "ConflictException",
          "Failed to publish the State Machine version: the revision is no longer '"
              + revision
              + "'");
    }
    Resource version = publish(machine, Requests.bounded(request, "description", 0, 256, false));
    ObjectNode response = Json.object();
    response.put("stateMachineVersionArn", version.arn());
    response.put("creationDate", Requests.seconds(version.createdMillis()));
    return response;
  }

  /** Publishes the machine's current revision, or returns the version that already holds it. */
  synchronized Resource publish(StoredStateMachine machine, String description) {
    String revision = Targets.revisionId(machine.definition(), machine.roleArn());
    List<Resource> versions = versions(machine.arn());
    if (!versions.isEmpty()
        && versions.get(0).document().path("revisionId").asText().equals(revision)) {
      return versions.get(0);
    }
    long number = nextNumber(machine.arn());
    ObjectNode document = Json.object();
    document.put("definition", machine.definition());
    document.put("roleArn", machine.roleArn());
    document.put("revisionId", revision);
    document.put("number", number);
    if (description != null) {
      document.put("description", description);
    }
    Resource version =
        new Resource(
            machine.arn() + ":" + number, Targets.VERSION_KIND, clock.getAsLong(), document);
    resources.put(version);
    return version;
  }

  private long nextNumber(String machineArn) {
    String counterArn = machineArn + "|versions";
    Resource counter = resources.get(counterArn);
    long number = counter == null ? 1 : counter.document().path("next").asLong(1);
    ObjectNode document = Json.object();
    document.put("next", number + 1);
    resources.put(new Resource(counterArn, COUNTER_KIND, 0, document));
    return number;
  }

  /** The machine's versions, newest first. */
  List<Resource> versions(String machineArn) {
    List<Resource> versions =
        new ArrayList<>(resources.list(Targets.VERSION_KIND, machineArn + ":"));
    versions.removeIf(v -> !Targets.unqualified(v.arn()).equals(machineArn));
    versions.sort(
        Comparator.comparingLong((Resource v) -> v.document().path("number").asLong()).reversed());
    return versions;
  }

  private ObjectNode listVersions(JsonNode request) {
    StoredStateMachine machine = targets.existing(Requests.required(request, "stateMachineArn"));
    return Requests.page(
        request,
        "stateMachineVersions",
        versions(machine.arn()),
        version -> {
          ObjectNode item = Json.object();
          item.put("stateMachineVersionArn", version.arn());
          item.put("creationDate", Requests.seconds(version.createdMillis()));
          return item;
        });
  }

  private ObjectNode deleteVersion(JsonNode request) {
    String arn = Requests.required(request, "stateMachineVersionArn");
    String qualifier = Targets.qualifier(arn);
    if (qualifier == null || !Targets.isVersionNumber(qualifier)) {
      throw ApiException.invalidArn(arn);
    }
    for (Resource alias : aliases(Targets.unqualified(arn))) {
      for (JsonNode route : alias.document().path("routingConfiguration")) {
        if (route.path("stateMachineVersionArn").asText().equals(arn)) {
          throw new ApiException(
              "ConflictException",
              "Version to be deleted must not be referenced by an alias. Current list of aliases"
                  + " referencing this version: ["
                  + alias.document().path("name").asText()
                  + "]");
        }
      }
    }
    resources.delete(arn);
    return Json.object();
  }

  /** DescribeStateMachine on a version ARN. */
  ObjectNode describeVersion(StoredStateMachine machine, Resource version) {
    ObjectNode response = StateMachineActions.describe(machine);
    response.put("stateMachineArn", version.arn());
    response.put("definition", version.document().path("definition").asText());
    response.put("roleArn", version.document().path("roleArn").asText());
    response.put("revisionId", version.document().path("revisionId").asText());
    response.put("creationDate", Requests.seconds(version.createdMillis()));
    if (version.document().has("description")) {
      response.put("description", version.document().path("description").asText());
    }
    return response;
  }

  /** Removes everything published from a deleted state machine. */
  void forget(String machineArn) {
    versions(machineArn).forEach(v -> resources.delete(v.arn()));
    aliases(machineArn).forEach(a -> resources.delete(a.arn()));
    resources.delete(machineArn + "|versions");
  }

  private ObjectNode createAlias(JsonNode request) {
    String name = Requests.name(request, "name", true);
    if (Targets.isVersionNumber(name)) {
      throw ApiException.validation("An alias name cannot be only digits: '" + name + "'");
    }
    ArrayNode routing = routing(request);
    String machineArn = Targets.unqualified(routing.get(0).path("stateMachineVersionArn").asText());
    String arn = machineArn + ":" + name;
    ObjectNode document = Json.object();
    document.put("name", name);
    document.put("description", Requests.bounded(request, "description", 0, 256, false));
    document.set("routingConfiguration", routing);
    long now = clock.getAsLong();
    document.put("updateMillis", now);
    Resource alias = new Resource(arn, Targets.ALIAS_KIND, now, document);
    if (!resources.create(alias)) {
      Resource existing = resources.get(arn);
      if (!existing.document().path("routingConfiguration").equals(routing)) {
        throw new ApiException(
            "ConflictException", "Alias already exists with another routing: '" + arn + "'");
      }
      alias = existing;
    }
    ObjectNode response = Json.object();
    response.put("stateMachineAliasArn", alias.arn());
    response.put("creationDate", Requests.seconds(alias.createdMillis()));
    return response;
  }

  /**
   * A routing configuration as AWS allows it: one or two versions of one state machine, each
   * existing and named once, with weights from 0 to 100 that add up to 100.
   */
  private ArrayNode routing(JsonNode request) {
    JsonNode routing = request.path("routingConfiguration");
    if (!routing.isArray() || routing.isEmpty() || routing.size() > 2) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'routingConfiguration' failed to satisfy"
              + " constraint: Member must have length between 1 and 2");
    }
    int total = 0;
    Set<String> machines = new HashSet<>();
    Set<String> versions = new HashSet<>();
    ArrayNode clean = Json.NODES.arrayNode();
    for (JsonNode route : routing) {
      String versionArn = Requests.required(route, "stateMachineVersionArn");
      int weight = route.path("weight").asInt(-1);
      if (weight < 0 || weight > 100) {
        throw ApiException.validation("Routing weights must be between 0 and 100");
      }
      targets.version(versionArn);
      machines.add(Targets.unqualified(versionArn));
      if (!versions.add(versionArn)) {
        throw ApiException.validation("Routing configuration must contain distinct versions");
      }
      total += weight;
      clean.addObject().put("stateMachineVersionArn", versionArn).put("weight", weight);
    }
    if (total != 100 || machines.size() != 1) {
      throw ApiException.validation(
          "Routing configuration must name versions of one state machine whose weights add up"
              + " to 100");
    }
    return clean;
  }

  private ObjectNode describeAlias(JsonNode request) {
    Resource alias = targets.alias(Requests.required(request, "stateMachineAliasArn"));
    ObjectNode response = Json.object();
    response.put("stateMachineAliasArn", alias.arn());
    response.put("name", alias.document().path("name").asText());
    if (alias.document().hasNonNull("description")) {
      response.put("description", alias.document().path("description").asText());
    }
    response.set("routingConfiguration", alias.document().path("routingConfiguration"));
    response.put("creationDate", Requests.seconds(alias.createdMillis()));
    response.put("updateDate", Requests.seconds(alias.document().path("updateMillis").asLong()));
    return response;
  }

  private ObjectNode updateAlias(JsonNode request) {
    Resource alias = targets.alias(Requests.required(request, "stateMachineAliasArn"));
    ObjectNode document = alias.document().deepCopy();
    if (request.has("routingConfiguration")) {
      ArrayNode routing = routing(request);
      if (!Targets.unqualified(routing.get(0).path("stateMachineVersionArn").asText())
          .equals(Targets.unqualified(alias.arn()))) {
        throw ApiException.validation("An alias can route only to its own state machine");
      }
      document.set("routingConfiguration", routing);
    }
    if (request.has("description")) {
      document.put("description", Requests.bounded(request, "description", 0, 256, false));
    }
    long now = clock.getAsLong();
    document.put("updateMillis", now);
    resources.put(new Resource(alias.arn(), alias.kind(), alias.createdMillis(), document));
    ObjectNode response = Json.object();
    response.put("updateDate", Requests.seconds(now));
    return response;
  }

  private ObjectNode deleteAlias(JsonNode request) {
    String arn = Requests.required(request, "stateMachineAliasArn");
    String qualifier = Targets.qualifier(arn);
    if (qualifier == null || Targets.isVersionNumber(qualifier)) {
      throw ApiException.invalidArn(arn);
    }
    resources.delete(arn);
    return Json.object();
  }

  private List<Resource> aliases(String machineArn) {
    List<Resource> aliases = new ArrayList<>(resources.list(Targets.ALIAS_KIND, machineArn + ":"));
    aliases.removeIf(a -> !Targets.unqualified(a.arn()).equals(machineArn));
    return aliases;
  }

  private ObjectNode listAliases(JsonNode request) {
    StoredStateMachine machine = targets.existing(Requests.required(request, "stateMachineArn"));
    return Requests.page(
        request,
        "stateMachineAliases",
        aliases(machine.arn()),
        alias -> {
          ObjectNode item = Json.object();
          item.put("stateMachineAliasArn", alias.arn());
          item.put("creationDate", Requests.seconds(alias.createdMillis()));
          return item;
        });
  }
}
