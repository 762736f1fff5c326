package dev.mercury.language.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one scope, an object with "StartAt" and "States" (the state machine, a Parallel branch or
 * a Map's ItemProcessor): its states, the flow among them, then the scopes nested in them. State
 * names are unique across the whole state machine, so one instance checks one machine.
 */
final class ScopeRules {
  /** AWS's limit on the length of a state name. */
  static final int LONGEST_NAME = 80;

  private final Inspection inspection;
  private final StateRules states;
  private final GraphRules graph;
  private final Map<String, String> seenNames = new HashMap<>();

  ScopeRules(Inspection inspection) {
    this.inspection = inspection;
    this.states = new StateRules(inspection);
    this.graph = new GraphRules(inspection.findings());
  }

  void check(Site scope, QueryLanguage language, Set<String> outerNames) {
    check(scope, language, outerNames, Map.of());
  }

  /**
   * @param outerVariables the variables the enclosing scopes assign, each with the pointer of its
   *     first assignment
   */
  private void check(
      Site scope,
      QueryLanguage language,
      Set<String> outerNames,
      Map<String, String> outerVariables) {
    FieldTypes types = inspection.types();
    types.require(scope, "StartAt", ": the name of the state to run first");
    types.string(scope, "StartAt");
    types.require(scope, "States", ": an object of states by name");
    if (!types.object(scope, "States")) {
      return;
    }
    Site statesObject = scope.field("States");
    List<StateSite> checked = checkStates(statesObject, language);
    graph.check(scope, StateGraph.of(statesObject), outerNames);

    Set<String> visible = new HashSet<>(outerNames);
    visible.addAll(statesObject.fieldNames());
    Map<String, String> variables = new HashMap<>(outerVariables);
    for (Site assigned : assignments(statesObject)) {
      String name = variableName(assigned);
      String outer = outerVariables.get(name);
      if (outer != null) {
        String detail =
            "'%s' is assigned in an outer scope too, at %s; AWS does not let the states inside a"
                + " Map or Parallel state assign a variable an enclosing scope assigns.";
        inspection
            .findings()
            .addAtKey(assigned, "variable-in-outer-scope", detail.formatted(name, outer));
      }
      variables.putIfAbsent(name, assigned.pointer());
    }
    for (StateSite state : checked) {
      nested(state).forEach(inner -> check(inner, language, visible, variables));
    }
  }

  /**
   * The Assign keys of the scope's own states: in the state and in its Choice rules. Catchers are
   * left out: AWS accepts a Parallel whose catcher assigns a name a state in its branch assigns too
   * (the conformance case retry-catch/parallel-catch-error-variable-sampling).
   */
  private static List<Site> assignments(Site statesObject) {
    List<Site> keys = new ArrayList<>();
    for (String name : statesObject.fieldNames()) {
      Site state = statesObject.field(name).ownedBy("State '" + name + "'");
      List<Site> owners = new ArrayList<>();
      owners.add(state);
      owners.addAll(state.field("Choices").items());
      for (Site owner : owners) {
        Site assign = owner.field("Assign");
        for (String key : assign.fieldNames()) {
          keys.add(assign.field(key).ownedBy(state.owner()));
        }
      }
    }
    return keys;
  }

  private static String variableName(Site assigned) {
    String key = assigned.pointer().substring(assigned.pointer().lastIndexOf('/') + 1);
    key = key.replace("~1", "/").replace("~0", "~");
    return key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
  }

  /** Checks each state of the States object; answers those whose type is known. */
  private List<StateSite> checkStates(Site statesObject, QueryLanguage language) {
    if (statesObject.node().isEmpty()) {
      String detail = "'States' must hold at least one state.";
      inspection.findings().add(statesObject, "missing-field", detail);
    }
    List<StateSite> checked = new ArrayList<>();
    for (String name : statesObject.fieldNames()) {
      Site site = statesObject.field(name).ownedBy("State '" + name + "'");
      checkName(name, site);
      StateSite state = states.check(name, site, language);
      if (state != null) {
        checked.add(state);
      }
    }
    return checked;
  }

  private void checkName(String name, Site site) {
    if (name.length() > LONGEST_NAME) {
      String detail = "the state name is %d characters long; AWS allows at most %d.";
      inspection
          .findings()
          .addAtKey(site, "invalid-state-name", detail.formatted(name.length(), LONGEST_NAME));
    }
    String earlier = seenNames.putIfAbsent(name, site.pointer());
    if (earlier != null) {
      String detail =
          "another state at %s already has this name; state names must be unique in the"
              + " whole state machine, branches and item processors included.";
      inspection.findings().addAtKey(site, "duplicate-state-name", detail.formatted(earlier));
    }
  }

  /** The scopes inside a Parallel or Map state that are objects; others are reported already. */
  private static List<Site> nested(StateSite state) {
    Site site = state.site();
    if (state.type().equals("Parallel")) {
      return ParallelRules.branches(site).stream().filter(Site::isObject).toList();
    }
    if (!state.type().equals("Map")) {
      return List.of();
    }
    for (String field : List.of("ItemProcessor", "Iterator")) {
      if (site.field(field).isObject()) {
        return List.of(
            site.field(field).ownedBy("The " + field + " of state '" + state.name() + "'"));
      }
    }
    return List.of();
  }
}
