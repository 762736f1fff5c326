package dev.mercury.language.graph;

import dev.mercury.language.model.Catcher;
import dev.mercury.language.model.ChoiceRule;
import dev.mercury.language.model.ChoiceState;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.ParallelState;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.model.State;
import dev.mercury.language.model.StateMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A state machine as boxes and arrows, for people to look at: each State a box, each possible
 * Transition an arrow labelled with what takes it (a Choice rule, a Catcher's errors, Default).
 * Parallel branches and a Map's item processor are drawn inside their state as nested charts.
 */
public final class Flowchart {
  /** What an arrow stands for. */
  public enum Kind {
    NEXT,
    CHOICE,
    DEFAULT,
    CATCH
  }

  /**
   * One State.
   *
   * @param id unique within the whole chart, nested charts included
   * @param nested the branches of a Parallel state, the item processor of a Map state
   */
  public record Box(String id, String name, String type, boolean end, List<Chart> nested) {}

  /** One possible Transition between two boxes of the same chart. */
  public record Arrow(String from, String to, Kind kind, String label) {}

  /**
   * One program: the top level, a branch or an item processor.
   *
   * @param start the id of the box it starts at
   */
  public record Chart(String title, String start, List<Box> boxes, List<Arrow> arrows) {}

  private int nextId;

  private Flowchart() {}

  /** The chart of a whole state machine. */
  public static Chart of(StateMachine machine) {
    return new Flowchart().chart("", machine.root());
  }

  private Chart chart(String title, Program program) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String name : readingOrder(program)) {
      ids.put(name, "s" + nextId++);
    }
    List<Box> boxes = new ArrayList<>();
    List<Arrow> arrows = new ArrayList<>();
    for (String name : ids.keySet()) {
      State state = program.state(name);
      String id = ids.get(state.name());
      boxes.add(new Box(id, state.name(), state.typeName(), ends(state), nested(state)));
      for (Arrow arrow : arrowsOf(state)) {
        String to = ids.get(arrow.to());
        if (to != null) {
          arrows.add(new Arrow(id, to, arrow.kind(), arrow.label()));
        }
      }
    }
    return new Chart(title, ids.get(program.startAt()), boxes, arrows);
  }

  /** States in the order a reader follows them from StartAt; unreachable ones last. */
  private static Set<String> readingOrder(Program program) {
    Set<String> order = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(program.startAt()));
    while (!queue.isEmpty()) {
      String name = queue.removeFirst();
      State state = program.state(name);
      if (state != null && order.add(name)) {
        arrowsOf(state).forEach(arrow -> queue.addLast(arrow.to()));
      }
    }
    order.addAll(new TreeSet<>(program.states().keySet()));
    return order;
  }

  private static boolean ends(State state) {
    return state.isEnd() || state.typeName().equals("Succeed") || state.typeName().equals("Fail");
  }

  private List<Chart> nested(State state) {
    List<Chart> charts = new ArrayList<>();
    if (state instanceof ParallelState parallel) {
      for (int i = 0; i < parallel.branches().size(); i++) {
        charts.add(chart("Branch " + (i + 1), parallel.branches().get(i)));
      }
    } else if (state instanceof MapState map) {
      charts.add(chart("Item processor", map.processor()));
    }
    return charts;
  }

  /** The transitions of one State, by target name. */
  private static List<Arrow> arrowsOf(State state) {
    List<Arrow> arrows = new ArrayList<>();
    if (state.next() != null) {
      arrows.add(new Arrow(state.name(), state.next(), Kind.NEXT, ""));
    }
    if (state instanceof ChoiceState choice) {
      for (ChoiceRule rule : choice.choices()) {
        arrows.add(
            new Arrow(state.name(), rule.next(), Kind.CHOICE, ConditionText.of(rule.condition())));
      }
      if (choice.defaultNext() != null) {
        arrows.add(new Arrow(state.name(), choice.defaultNext(), Kind.DEFAULT, "Default"));
      }
    }
    if (state instanceof Recoverable recoverable) {
      for (Catcher catcher : recoverable.catchers()) {
        arrows.add(
            new Arrow(
                state.name(),
                catcher.next(),
                Kind.CATCH,
                String.join(", ", catcher.errorEquals())));
      }
    }
    return arrows;
  }
}
