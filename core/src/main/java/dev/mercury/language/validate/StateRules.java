package dev.mercury.language.validate;

import dev.mercury.language.text.Spelling;
import java.util.List;

/**
 * Checks one state: its type and query language, then the rules of its fields, its hand-over and
 * its type. The states nested in Parallel and Map states are left to {@link ScopeRules}.
 */
final class StateRules {
  private final Inspection inspection;
  private final StateFields fields;
  private final TransitionRules transitions;
  private final DataFlowRules dataFlow;
  private final RetryCatchRules retryCatch;
  private final TaskRules task;
  private final ChoiceRules choice;
  private final WaitRules await;
  private final FailRules fail;
  private final ParallelRules parallel;
  private final MapRules map;

  StateRules(Inspection inspection) {
    this.inspection = inspection;
    this.fields = new StateFields(inspection.findings());
    this.transitions = new TransitionRules(inspection);
    this.dataFlow = new DataFlowRules(inspection);
    this.retryCatch = new RetryCatchRules(inspection);
    this.task = new TaskRules(inspection);
    this.choice = new ChoiceRules(inspection);
    this.await = new WaitRules(inspection);
    this.fail = new FailRules(inspection);
    this.parallel = new ParallelRules(inspection);
    this.map = new MapRules(inspection);
  }

  /** Checks the state; answers it with its type, or null when it has no usable type. */
  StateSite check(String name, Site site, QueryLanguage machineLanguage) {
    if (!site.isObject()) {
      String detail = "a state must be an object, but it is %s.";
      inspection
          .findings()
          .add(site, "invalid-type", detail.formatted(FieldTypes.describe(site.node())));
      return null;
    }
    String type = type(site);
    if (type == null) {
      return null;
    }
    StateSite state = new StateSite(name, site, type, language(site, machineLanguage));
    fields.check(state);
    inspection.types().string(site, "Comment");
    transitions.check(state);
    dataFlow.check(state);
    inspection.assign().check(site, state.language());
    checkType(state);
    return state;
  }

  private void checkType(StateSite state) {
    switch (state.type()) {
      case "Task" -> task.check(state);
      case "Choice" -> choice.check(state);
      case "Wait" -> await.check(state);
      case "Fail" -> fail.check(state);
      case "Parallel" -> parallel.check(state);
      case "Map" -> map.check(state);
      default -> {}
    }
    if (StateFields.allowed(state.type(), state.language()).contains("Retry")) {
      retryCatch.check(state);
    }
  }

  private String type(Site site) {
    FieldTypes types = inspection.types();
    types.require(site, "Type", "; use one of " + String.join(", ", StateFields.TYPES));
    if (!types.string(site, "Type")) {
      return null;
    }
    String type = site.field("Type").text();
    if (StateFields.TYPES.contains(type)) {
      return type;
    }
    String suggestion = Spelling.suggestion(type, StateFields.TYPES);
    String detail =
        suggestion.isEmpty()
            ? "'%s' is not a state type; use one of %s."
                .formatted(type, String.join(", ", StateFields.TYPES))
            : "'%s' is not a state type%s".formatted(type, suggestion);
    inspection.findings().add(site.field("Type"), "unknown-state-type", detail);
    return null;
  }

  /** The state's own QueryLanguage, or the machine's when it has none or a wrong one. */
  private QueryLanguage language(Site site, QueryLanguage machineLanguage) {
    List<String> spellings = List.of("JSONPath", "JSONata");
    if (!inspection.types().oneOf(site, "QueryLanguage", spellings)) {
      return machineLanguage;
    }
    QueryLanguage own = QueryLanguage.named(site.field("QueryLanguage").text());
    if (own == QueryLanguage.JSONPATH && machineLanguage == QueryLanguage.JSONATA) {
      String detail =
          "a state cannot use JSONPath when the state machine's QueryLanguage is"
              + " JSONata; remove the state's QueryLanguage, or set the top-level one to JSONPath.";
      inspection.findings().add(site.field("QueryLanguage"), "invalid-query-language", detail);
    }
    return own;
  }
}
