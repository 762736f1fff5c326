package dev.mercury.invoke.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.ParallelState;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.State;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.model.TaskState;
import dev.mercury.language.text.Spelling;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One test case of a Step Functions Local mock configuration: for each mocked state, its responses
 * by invocation number ({@code "0"}, {@code "1-2"}, ...), each a {@code Return} or a {@code Throw}.
 */
public final class MockConfiguration {
  private final Map<String, List<Response>> byState;

  private record Response(int first, int last, TaskResult result) {}

  private MockConfiguration(Map<String, List<Response>> byState) {
    this.byState = byState;
  }

  /**
   * Reads a test case from a mock configuration file's JSON; throws {@link
   * IllegalArgumentException} naming what is missing.
   */
  public static MockConfiguration of(JsonNode file, String stateMachine, String testCase) {
    JsonNode machine = file.path("StateMachines").path(stateMachine);
    if (machine.isMissingNode()) {
      throw new IllegalArgumentException(
          "the mock configuration has no state machine '" + stateMachine + "' under StateMachines");
    }
    JsonNode states = machine.path("TestCases").path(testCase);
    if (states.isMissingNode()) {
      throw new IllegalArgumentException(
          "the mock configuration has no test case '" + testCase + "' for '" + stateMachine + "'");
    }
    Map<String, List<Response>> byState = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : states.properties()) {
      String mockName = entry.getValue().asText();
      JsonNode responses = file.path("MockedResponses").path(mockName);
      if (responses.isMissingNode()) {
        throw new IllegalArgumentException(
            "state '"
                + entry.getKey()
                + "' uses mocked response '"
                + mockName
                + "', which is not under MockedResponses");
      }
      byState.put(entry.getKey(), responses(mockName, responses));
    }
    return new MockConfiguration(byState);
  }

  private static List<Response> responses(String mockName, JsonNode responses) {
    List<Response> list = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : responses.properties()) {
      String[] range = entry.getKey().split("-");
      try {
        int first = Integer.parseInt(range[0].trim());
        int last = range.length > 1 ? Integer.parseInt(range[1].trim()) : first;
        list.add(new Response(first, last, result(mockName, entry.getKey(), entry.getValue())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "mocked response '"
                + mockName
                + "' has key '"
                + entry.getKey()
                + "'; keys are invocation numbers such as \"0\" or \"1-2\"");
      }
    }
    return list;
  }

  private static TaskResult result(String mockName, String key, JsonNode response) {
    boolean returns = response.has("Return");
    boolean throwsError = response.has("Throw");
    if (returns == throwsError || response.size() != 1) {
      String found = String.join(", ", iterable(response));
      throw new IllegalArgumentException(
          "mocked response '"
              + mockName
              + "' key '"
              + key
              + "' must hold exactly one of Return"
              + " or Throw, not ["
              + found
              + "]"
              + (found.isEmpty() ? "" : Spelling.suggestion(found, List.of("Return", "Throw"))));
    }
    if (throwsError) {
      JsonNode thrown = response.get("Throw");
      return TaskResult.failure(
          thrown.path("Error").asText("States.TaskFailed"),
          thrown.has("Cause") ? thrown.get("Cause").asText() : null);
    }
    return TaskResult.success(response.path("Return"));
  }

  /**
   * Checks that every mocked state is a Task state of {@code machine}, so that a misspelt name is
   * reported instead of silently leaving the real state unmocked.
   */
  public void checkStates(StateMachine machine) {
    Set<String> tasks = new TreeSet<>();
    collectTasks(machine.root(), tasks);
    for (String state : byState.keySet()) {
      if (!tasks.contains(state)) {
        throw new IllegalArgumentException(
            "the test case mocks state '"
                + state
                + "', which is not a Task state of the state"
                + " machine"
                + Spelling.suggestion(state, tasks)
                + " (Task states: "
                + tasks
                + ")");
      }
    }
  }

  private static void collectTasks(Program program, Set<String> tasks) {
    for (State state : program.states().values()) {
      switch (state) {
        case TaskState task -> tasks.add(task.name());
        case ParallelState parallel -> parallel.branches().forEach(b -> collectTasks(b, tasks));
        case MapState map -> collectTasks(map.processor(), tasks);
        default -> {}
      }
    }
  }

  public boolean mocks(String state) {
    return byState.containsKey(state);
  }

  /**
   * The response to invocation number {@code invocation} (from 0) of {@code state}; past the last
   * range, the last response repeats.
   */
  public TaskResult response(String state, int invocation) {
    List<Response> responses = byState.get(state);
    Response chosen = responses.get(responses.size() - 1);
    for (Response response : responses) {
      if (invocation >= response.first() && invocation <= response.last()) {
        chosen = response;
        break;
      }
    }
    return chosen.result();
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
