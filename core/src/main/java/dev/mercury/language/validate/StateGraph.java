package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transitions among the states of one "States" object, in document order: each state's Next,
 * Default, Choices' Next and Catch's Next that name a state by a string.
 */
final class StateGraph {
  /** One transition: the field that names the target, and the name. */
  record Edge(Site site, String target) {}

  private final Map<String, List<Edge>> edges = new LinkedHashMap<>();
  private final Set<String> ends = new HashSet<>();

  private StateGraph() {}

  static StateGraph of(Site states) {
    StateGraph graph = new StateGraph();
    for (String name : states.fieldNames()) {
      Site state = states.field(name).ownedBy("State '" + name + "'");
      graph.edges.put(name, edgesOf(state));
      if (endsOrIsBroken(state)) {
        graph.ends.add(name);
      }
    }
    return graph;
  }

  Set<String> names() {
    return edges.keySet();
  }

  List<Edge> edges(String name) {
    return edges.get(name);
  }

  /** Whether the state can end a run by itself, as far as the graph checks need to know. */
  boolean ends(String name) {
    return ends.contains(name);
  }

  private static List<Edge> edgesOf(Site state) {
    List<Edge> found = new ArrayList<>();
    add(found, state.field("Next"));
    add(found, state.field("Default"));
    for (Site rule : state.field("Choices").items()) {
      add(found, rule.field("Next"));
    }
    for (Site catcher : state.field("Catch").items()) {
      add(found, catcher.field("Next"));
    }
    return found;
  }

  private static void add(List<Edge> found, Site field) {
    if (field.node() != null && field.node().isTextual()) {
      found.add(new Edge(field, field.text()));
    }
  }

  /**
   * A terminal state ("End": true, Succeed, Fail), or one whose type or hand-over is broken: those
   * are reported on their own, and treating them as ends keeps the graph checks from repeating the
   * report as "cannot end".
   */
  private static boolean endsOrIsBroken(Site state) {
    JsonNode node = state.node();
    String type = node.isObject() ? state.field("Type").text() : null;
    if (type == null || !StateFields.TYPES.contains(type)) {
      return true;
    }
    if (type.equals("Succeed") || type.equals("Fail")) {
      return true;
    }
    if (type.equals("Choice")) {
      List<Site> rules = state.field("Choices").items();
      return rules.isEmpty() || rules.stream().anyMatch(rule -> rule.field("Next").text() == null);
    }
    JsonNode end = node.get("End");
    return end != null && end.asBoolean(false) || state.field("Next").text() == null;
  }
}
