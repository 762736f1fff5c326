package dev.mercury.language.validate;

import dev.mercury.language.text.Spelling;
import dev.mercury.language.validate.StateGraph.Edge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the flow through one "States" object: every named target exists in it, every state can be
 * reached from StartAt, and from every reachable state some terminal state can be reached.
 *
 * <p>States that cannot end are reported once per trap: a group of states that lead only to each
 * other (a closed strongly connected component of the states that cannot end). Every state that
 * cannot end leads into such a group, so reporting the groups covers them all without repeating one
 * loop for each state on the way into it.
 */
final class GraphRules {
  private final Findings findings;

  GraphRules(Findings findings) {
    this.findings = findings;
  }

  void check(Site scope, StateGraph graph, Set<String> outerNames) {
    Site states = scope.field("States");
    Set<String> broken = missingTargets(graph, outerNames);
    Site startAt = scope.field("StartAt");
    String start = startAt.text();
    if (start == null) {
      return;
    }
    if (!graph.names().contains(start)) {
      reportMissing(startAt, start, graph, outerNames);
      return;
    }
    Set<String> reached = reach(graph, List.of(start));
    for (String name : graph.names()) {
      if (!reached.contains(name)) {
        String detail = "it is never reached; no StartAt, Next, Default or Catch leads to it.";
        findings.add(state(states, name), "unreachable-state", detail);
      }
    }
    reportTraps(states, graph, reached, broken);
  }

  /** Reports transitions to states that do not exist here; answers the states that have one. */
  private Set<String> missingTargets(StateGraph graph, Set<String> outerNames) {
    Set<String> broken = new HashSet<>();
    for (String name : graph.names()) {
      for (Edge edge : graph.edges(name)) {
        if (!graph.names().contains(edge.target())) {
          reportMissing(edge.site(), edge.target(), graph, outerNames);
          broken.add(name);
        }
      }
    }
    return broken;
  }

  private void reportMissing(Site field, String target, StateGraph graph, Set<String> outer) {
    String label = field.pointer().substring(field.pointer().lastIndexOf('/') + 1);
    String detail;
    if (outer.contains(target)) {
      detail =
          "'%s' names '%s', which is outside this branch; states in a Parallel branch or a"
              + " Map's ItemProcessor can only move to states in the same 'States' object.";
      detail = detail.formatted(label, target);
    } else {
      String suggestion = Spelling.suggestion(target, graph.names());
      detail = "'%s' names '%s', but there is no state by that name here%s";
      detail = detail.formatted(label, target, suggestion.isEmpty() ? "." : suggestion);
    }
    findings.add(field, "missing-target", detail);
  }

  private void reportTraps(Site states, StateGraph graph, Set<String> reached, Set<String> broken) {
    Set<String> canEnd = canEnd(graph, broken);
    Map<String, Set<String>> onward = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (String name : graph.names()) {
      if (!reached.contains(name) || canEnd.contains(name) || reported.contains(name)) {
        continue;
      }
      Set<String> group = onward.computeIfAbsent(name, n -> reach(graph, List.of(n)));
      boolean closed =
          group.stream()
              .allMatch(
                  other ->
                      onward.computeIfAbsent(other, o -> reach(graph, List.of(o))).contains(name));
      if (closed) {
        reported.addAll(group);
        findings.add(state(states, name), "cannot-end", trapMessage(graph, group));
      }
    }
  }

  private static String trapMessage(StateGraph graph, Set<String> group) {
    String terminal = "a terminal state (\"End\": true, Succeed or Fail)";
    if (group.size() == 1) {
      return "it can never reach " + terminal + ", so an execution that gets here never finishes.";
    }
    List<String> ordered = new ArrayList<>();
    for (String name : graph.names()) {
      if (group.contains(name)) {
        ordered.add("'" + name + "'");
      }
    }
    return "the states %s lead only to each other and can never reach %s, so an execution that"
            .formatted(String.join(", ", ordered), terminal)
        + " gets here never finishes.";
  }

  /** The states from which a terminal state, or a transition reported broken, can be reached. */
  private static Set<String> canEnd(StateGraph graph, Set<String> broken) {
    Set<String> canEnd = new HashSet<>(broken);
    for (String name : graph.names()) {
      if (graph.ends(name)) {
        canEnd.add(name);
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String name : graph.names()) {
        if (!canEnd.contains(name) && leadsInto(graph, name, canEnd)) {
          grew |= canEnd.add(name);
        }
      }
    }
    return canEnd;
  }

  private static boolean leadsInto(StateGraph graph, String name, Set<String> targets) {
    return graph.edges(name).stream().anyMatch(edge -> targets.contains(edge.target()));
  }

  /** The states reachable from the given ones, themselves included. */
  private static Set<String> reach(StateGraph graph, Collection<String> from) {
    Set<String> reached = new LinkedHashSet<>(from);
    Deque<String> queue = new ArrayDeque<>(from);
    while (!queue.isEmpty()) {
      for (Edge edge : graph.edges(queue.poll())) {
        if (graph.names().contains(edge.target()) && reached.add(edge.target())) {
          queue.add(edge.target());
        }
      }
    }
    return reached;
  }

  private static Site state(Site states, String name) {
    return states.field(name).ownedBy("State '" + name + "'");
  }
}
