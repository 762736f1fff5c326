package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.port.StateMachineStore;
import dev.mercury.port.StateMachineStore.StoredStateMachine;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Resolves the ARN a StartExecution or a child execution names to what runs: a state machine's
 * latest revision, a version ({@code ...:stateMachine:name:3}), or an alias ({@code
 * ...:stateMachine:name:PROD}), which picks one of its one or two versions by their weights.
 */
final class Targets {
  static final String VERSION_KIND = "stateMachineVersion";
  static final String ALIAS_KIND = "stateMachineAlias";

  /**
   * How long a state machine read from the store answers lookups. Every StartExecution looks its
   * machine up, and the embedded store serialises readers with the engine's writes; this API's own
   * updates and deletes drop the entry at once, another process's are seen within this time.
   */
  private static final long CACHE_NANOS = 1_000_000_000L;

  private static final int CACHE_LIMIT = 4096;

  private record Cached(StoredStateMachine machine, long readNanos) {}

  private final StateMachineStore machines;
  private final ResourceStore resources;
  private final DoubleSupplier random;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  Targets(StateMachineStore machines, ResourceStore resources, DoubleSupplier random) {
    this.machines = machines;
    this.resources = resources;
    this.random = random;
  }

  /** Forgets what is cached of a state machine that this API changed or deleted. */
  void changed(String machineArn) {
    cache.remove(machineArn);
  }

  Target resolve(String arn) {
    String qualifier = qualifier(arn);
    if (qualifier == null) {
      StoredStateMachine machine = existing(arn);
      return new Target(machine, machine.definition(), null, null);
    }
    StoredStateMachine machine = existing(unqualified(arn));
    if (isVersionNumber(qualifier)) {
      Resource version = version(arn);
      return new Target(machine, version.document().path("definition").asText(), arn, null);
    }
    Resource alias = alias(arn);
    String versionArn = pick(alias.document().path("routingConfiguration"));
    Resource version = version(versionArn);
    return new Target(machine, version.document().path("definition").asText(), versionArn, arn);
  }

  /** Chooses a version of a routing configuration with the chance its weight gives it. */
  private String pick(JsonNode routing) {
    double roll = random.getAsDouble() * 100;
    String chosen = null;
    for (JsonNode route : routing) {
      chosen = route.path("stateMachineVersionArn").asText();
      roll -= route.path("weight").asInt();
      if (roll < 0) {
        break;
      }
    }
    return chosen;
  }

  Resource version(String arn) {
    Resource version = resources.get(arn);
    if (version == null || !version.kind().equals(VERSION_KIND)) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return version;
  }

  Resource alias(String arn) {
    Resource alias = resources.get(arn);
    if (alias == null || !alias.kind().equals(ALIAS_KIND)) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return alias;
  }

  /** The state machine at {@code arn}, or null. */
  StoredStateMachine machine(String arn) {
    long now = System.nanoTime();
    Cached cached = cache.get(arn);
    if (cached != null && now - cached.readNanos() < CACHE_NANOS) {
      return cached.machine();
    }
    StoredStateMachine machine = machines.get(arn);
    if (machine != null) {
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(arn, new Cached(machine, now));
    }
    return machine;
  }

  StoredStateMachine existing(String arn) {
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    StoredStateMachine machine = machine(arn);
    if (machine == null) {
      throw new ApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  /** The version number or alias name after the state machine's name, or null. */
  static String qualifier(String arn) {
    String[] parts = arn.split(":");
    return parts.length == 8 && parts[5].equals("stateMachine") ? parts[7] : null;
  }

  static String unqualified(String arn) {
    return arn.substring(0, arn.lastIndexOf(':'));
  }

  static boolean isVersionNumber(String qualifier) {
    return !qualifier.isEmpty() && qualifier.chars().allMatch(Character::isDigit);
  }

  /** What identifies a revision: the same definition and role give the same id. */
  static String revisionId(String definition, String roleArn) {
    return UUID.nameUUIDFromBytes((definition + "\n" + roleArn).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
