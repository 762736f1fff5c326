package dev.mercury.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.error.ErrorName;
import dev.mercury.language.json.Json;
import dev.mercury.language.model.Catcher;
import dev.mercury.language.model.Recoverable;
import dev.mercury.language.model.Retrier;
import dev.mercury.language.model.State;
import dev.mercury.language.model.StateMachine;
import dev.mercury.language.model.TaskState;
import dev.mercury.language.parse.DefinitionException;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.language.validate.Diagnostic;
import dev.mercury.language.validate.Validator;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.transition.Arns;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.Flow;
import dev.mercury.transition.HistoryEvent;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.Probe;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.StepMessage.TaskResult;
import dev.mercury.transition.Transition;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * TestState: runs one state, alone or inside a whole definition ({@code stateName}), on the same
 * transition executions use, and reports its output, its next state, and at DEBUG and TRACE the
 * stages of its data processing. Nothing is stored: the state runs on a checkpoint in memory with
 * the messages it produces fed straight back, until the state hands over to its next state or the
 * run ends.
 *
 * <p>As AWS does: a Wait state does not wait; a retrier that would retry answers RETRIABLE instead;
 * a catcher that catches answers CAUGHT_ERROR with the catcher's next state; activities, {@code
 * .sync} and {@code .waitForTaskToken} need a mock. A mock answers the Task with its {@code result}
 * or {@code errorOutput}; without one the Task calls the configured invoker.
 *
 * <p>What Mercury does not do yet: a mock on a Map or Parallel state answers each Task inside it
 * rather than standing for the whole state; {@code stateConfiguration} (a retry count, map failure
 * counts, reader data) and {@code fieldValidationMode} are ignored; TRACE shows the HTTP request
 * and response of {@code http:invoke} Tasks as Mercury sent them, not as they went on the wire.
 */
final class TestStateAction {
  private static final String NAME = "TestState";
  private static final int STEP_LIMIT = 100_000;
  private static final long CALL_LIMIT_SECONDS = 300;

  private final Invoker invoker;
  private final Clock clock;

  TestStateAction(Invoker invoker, Clock clock) {
    this.invoker = invoker == null ? new NoInvoker() : invoker;
    this.clock = clock;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("TestState", this::test);
  }

  private ObjectNode test(JsonNode request) {
    JsonNode definition = json(Requests.required(request, "definition"), "InvalidDefinition");
    String level = Requests.optional(request, "inspectionLevel");
    if (level != null && !List.of("INFO", "DEBUG", "TRACE").contains(level)) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + level
              + "' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum"
              + " value set: [INFO, DEBUG, TRACE]");
    }
    ObjectNode wrapped = wrap(definition, Requests.optional(request, "stateName"));
    requireValid(definition.has("States") ? definition : wrapped);
    StateMachine machine = parse(wrapped);
    State state = machine.root().state(wrapped.get("StartAt").asText());
    JsonNode mock = request.path("mock");
    if (state instanceof TaskState task && needsMock(task.resource()) && !mock.isObject()) {
      throw ApiException.validation(
          "TestState needs a mock for activities and for .sync and .waitForTaskToken Tasks");
    }
    Run run = new Run(machine, state, mock, request);
    run.go();
    return run.response(level == null ? "INFO" : level);
  }

  private static JsonNode json(String text, String errorType) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(errorType, "Invalid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * A state machine whose StartAt is the state under test: the whole definition with StartAt moved,
   * or one state alone with a Succeed stub standing for every state it may go to, so that the
   * definition is valid; the run stops before it enters a stub.
   */
  private static ObjectNode wrap(JsonNode definition, String stateName) {
    if (!definition.isObject()) {
      throw new ApiException("InvalidDefinition", "The definition must be a JSON object");
    }
    if (definition.has("States")) {
      ObjectNode machine = definition.deepCopy();
      String start = stateName != null ? stateName : definition.path("StartAt").asText();
      if (!definition.path("States").has(start)) {
        throw ApiException.validation("The definition has no state named '" + start + "'");
      }
      machine.put("StartAt", start);
      return machine;
    }
    String name = stateName != null ? stateName : NAME;
    ObjectNode machine = Json.object();
    machine.put("StartAt", name);
    ObjectNode states = machine.putObject("States");
    states.set(name, definition);
    for (String target : targets(definition)) {
      if (!target.equals(name)) {
        states.putObject(target).put("Type", "Succeed");
      }
    }
    return machine;
  }

  private static Set<String> targets(JsonNode state) {
    Set<String> targets = new LinkedHashSet<>();
    addText(targets, state.get("Next"));
    addText(targets, state.get("Default"));
    for (String list : List.of("Choices", "Catch")) {
      for (JsonNode item : state.path(list)) {
        addText(targets, item.get("Next"));
      }
    }
    return targets;
  }

  private static void addText(Set<String> names, JsonNode value) {
    if (value != null && value.isTextual()) {
      names.add(value.textValue());
    }
  }

  /** A whole definition is checked as given; a single state inside its stand-in machine. */
  private static void requireValid(JsonNode machine) {
    List<Diagnostic> problems = Validator.validate(Json.write(machine));
    if (!problems.isEmpty()) {
      Diagnostic first = problems.get(0);
      throw new ApiException(
          "InvalidDefinition",
          "Invalid State Machine Definition: '" + first.message() + " at " + first.pointer() + "'");
    }
  }

  private static StateMachine parse(ObjectNode machine) {
    try {
      return DefinitionParser.parse(Json.write(machine));
    } catch (DefinitionException e) {
      throw new ApiException("InvalidDefinition", e.getMessage());
    }
  }

  private static boolean needsMock(String resource) {
    return Arns.isActivity(resource)
        || resource.endsWith(".waitForTaskToken")
        || resource.contains(".sync");
  }

  /** One run of the state under test, and what it showed. */
  private final class Run implements Probe {
    private final StateMachine machine;
    private final State state;
    private final JsonNode mock;
    private final String input;
    private final JsonNode variables;
    private final JsonNode context;
    private final Map<String, JsonNode> stages = new HashMap<>();
    private final ObjectNode variablesAfter = Json.object();
    private final ArrayDeque<StepMessage> queue = new ArrayDeque<>();
    private Checkpoint checkpoint;
    private String status;
    private String nextState;
    private JsonNode output;
    private String error;
    private String cause;
    private ObjectNode errorDetails;
    private InvokeRequest lastCall;
    private TaskResult lastAnswer;

    Run(StateMachine machine, State state, JsonNode mock, JsonNode request) {
      this.machine = machine;
      this.state = state;
      this.mock = mock;
      this.input = Requests.jsonText(request, "input", "InvalidExecutionInput", "state input");
      String vars = Requests.optional(request, "variables");
      this.variables = vars == null ? null : json(vars, "ValidationException");
      String ctx = Requests.optional(request, "context");
      this.context = ctx == null ? null : json(ctx, "ValidationException");
    }

    /** Parts of the context object the request gave replace those the run would have. */
    @Override
    public ObjectNode context(ObjectNode built) {
      if (context instanceof ObjectNode given) {
        merge(built, given);
      }
      return built;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
      from.properties()
          .forEach(
              e -> {
                if (e.getValue() instanceof ObjectNode inner
                    && into.get(e.getKey()) instanceof ObjectNode existing) {
                  merge(existing, inner);
                } else {
                  into.set(e.getKey(), e.getValue());
                }
              });
    }

    @Override
    public void assigned(Flow flow, Map<String, JsonNode> values) {
      if (flow.isRoot()) {
        values.forEach(variablesAfter::set);
      }
    }

    /**
     * Input stages keep their first value and result stages their last, so that the states inside a
     * Map or Parallel, which run after its input is processed and before its result is, do not hide
     * the tested state's own.
     */
    @Override
    public void record(String stage, JsonNode value) {
      if (stage.startsWith("afterInputPath")
          || stage.equals("afterParameters")
          || stage.equals("afterArguments")) {
        stages.putIfAbsent(stage, value);
      } else {
        stages.put(stage, value);
      }
    }

    void go() {
      Transition transition = new Transition(clock::millis);
      checkpoint =
          Transition.newExecution(
              machine, Arns.stateMachine(NAME), "test-state", input, clock.millis());
      queue.add(
          new StepMessage(
              checkpoint.executionArn, StepMessage.EXECUTION, 0, new StepMessage.Start()));
      int rootAdvances = 0;
      for (int step = 0; step < STEP_LIMIT && status == null && !queue.isEmpty(); step++) {
        StepMessage message = queue.poll();
        Transition.Result result = transition.apply(checkpoint, message, this);
        if (message.step() instanceof StepMessage.Start) {
          injectVariables();
        }
        noteFailures(result.events(), root() != null && message.flowId() == root().id);
        if (!checkpoint.isRunning()) {
          ended();
          return;
        }
        for (Dispatch dispatch : result.dispatches()) {
          if (isRootAdvance(dispatch) && rootAdvances++ > 0) {
            exited();
            return;
          }
          carryOut(dispatch);
          if (status != null) {
            return;
          }
        }
      }
      if (status == null) {
        throw new ApiException("InternalServerError", "The state did not finish");
      }
    }

    private void injectVariables() {
      Flow root = root();
      if (root != null && variables instanceof ObjectNode given) {
        root.variables = new HashMap<>();
        given.properties().forEach(e -> root.variables.put(e.getKey(), e.getValue()));
        variablesAfter.setAll(given);
      }
    }

    private Flow root() {
      return checkpoint.flows.values().stream().filter(Flow::isRoot).findFirst().orElse(null);
    }

    private boolean isRootAdvance(Dispatch dispatch) {
      return dispatch instanceof Dispatch.Publish publish
          && publish.message().step() instanceof StepMessage.Advance
          && root() != null
          && publish.message().flowId() == root().id;
    }

    /**
     * Remembers the error of the tested state's failures: its Task's, noticed on the messages of
     * its own flow, or its Map or Parallel state's as a whole; not those of states inside them.
     */
    private void noteFailures(List<HistoryEvent> events, boolean ofTestedFlow) {
      for (HistoryEvent event : events) {
        String type = event.type();
        boolean whole = type.equals("MapStateFailed") || type.equals("ParallelStateFailed");
        boolean own =
            ofTestedFlow
                && (type.endsWith("Failed") || type.endsWith("TimedOut"))
                && !type.startsWith("Execution")
                && !type.startsWith("MapIteration");
        if ((whole || own) && event.details() != null) {
          error = event.details().path("error").asText(null);
          cause = event.details().path("cause").asText(null);
        }
      }
    }

    private void carryOut(Dispatch dispatch) {
      switch (dispatch) {
        case Dispatch.Publish publish -> queue.add(publish.message());
        case Dispatch.Invoke invoke -> queue.add(answer(invoke.request()));
        case Dispatch.Timer timer -> timer(timer);
      }
    }

    /** Waits take no time; a retry of the tested state is where AWS stops with RETRIABLE. */
    private void timer(Dispatch.Timer timer) {
      StepMessage.TimerDue due = (StepMessage.TimerDue) timer.message().step();
      switch (due.purpose()) {
        case WAIT -> queue.add(timer.message());
        case RETRY -> {
          if (timer.message().flowId() == root().id) {
            retriable(timer.dueMillis());
          } else {
            queue.add(timer.message());
          }
        }
        default -> {}
      }
    }

    private StepMessage answer(InvokeRequest request) {
      lastCall = request;
      TaskResult answer = mock.isObject() ? mocked() : call(request);
      lastAnswer = answer;
      StepMessage.Step step =
          request.taskToken() == null
              ? answer
              : new StepMessage.TaskCallback(request.taskToken(), answer);
      return new StepMessage(request.executionArn(), request.flowId(), request.seq(), step);
    }

    private TaskResult mocked() {
      if (mock.hasNonNull("errorOutput")) {
        JsonNode thrown = mock.get("errorOutput");
        return TaskResult.failure(
            thrown.path("error").asText(ErrorName.TASK_FAILED),
            thrown.hasNonNull("cause") ? thrown.get("cause").asText() : null);
      }
      return TaskResult.success(json(Requests.required(mock, "result"), "ValidationException"));
    }

    private TaskResult call(InvokeRequest request) {
      try {
        return invoker.invoke(request).get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return TaskResult.failure(ErrorName.TIMEOUT, "The task ran longer than five minutes");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException("InternalServerError", "interrupted while testing the state");
      } catch (java.util.concurrent.ExecutionException e) {
        return TaskResult.failure(ErrorName.TASK_FAILED, String.valueOf(e.getCause()));
      }
    }

    private void ended() {
      status = checkpoint.status.name().equals("SUCCEEDED") ? "SUCCEEDED" : "FAILED";
      output = checkpoint.output;
      if (!status.equals("SUCCEEDED")) {
        error = checkpoint.error;
        cause = checkpoint.cause;
      }
    }

    private void exited() {
      Flow root = root();
      nextState = root.state;
      output = root.stateInput;
      status = error != null ? "CAUGHT_ERROR" : "SUCCEEDED";
      if (error != null && state instanceof Recoverable recoverable) {
        List<Catcher> catchers = recoverable.catchers();
        for (int i = 0; i < catchers.size(); i++) {
          if (matches(catchers.get(i).errorEquals(), error)) {
            errorDetails = Json.object().put("catchIndex", i);
            break;
          }
        }
      }
    }

    private void retriable(long dueMillis) {
      status = "RETRIABLE";
      if (state instanceof Recoverable recoverable) {
        List<Retrier> retriers = recoverable.retriers();
        for (int i = 0; i < retriers.size(); i++) {
          if (matches(retriers.get(i).errorEquals(), error)) {
            errorDetails = Json.object().put("retryIndex", i);
            errorDetails.put(
                "retryBackoffIntervalSeconds",
                (int) Math.round((dueMillis - clock.millis()) / 1000.0));
            break;
          }
        }
      }
    }

    private static boolean matches(List<String> errorEquals, String error) {
      return error != null && errorEquals.stream().anyMatch(p -> ErrorName.matches(p, error));
    }

    ObjectNode response(String level) {
      ObjectNode response = Json.object();
      response.put("status", status);
      if (output != null && !status.equals("FAILED") && !status.equals("RETRIABLE")) {
        response.put("output", Json.write(output));
      }
      if (nextState != null) {
        response.put("nextState", nextState);
      }
      if (!status.equals("SUCCEEDED")) {
        response.put("error", error);
        response.put("cause", cause);
      }
      if (!level.equals("INFO")) {
        response.set("inspectionData", inspection(level));
      } else if (errorDetails != null) {
        response.putObject("inspectionData").set("errorDetails", errorDetails);
      }
      return response;
    }

    private ObjectNode inspection(String level) {
      ObjectNode data = Json.object();
      data.put("input", input);
      for (String stage :
          List.of(
              "afterInputPath",
              "afterParameters",
              "afterArguments",
              "result",
              "afterResultSelector",
              "afterResultPath")) {
        if (stages.containsKey(stage)) {
          data.put(stage, Json.write(stages.get(stage)));
        }
      }
      if (!variablesAfter.isEmpty()) {
        data.put("variables", Json.write(variablesAfter));
      }
      if (errorDetails != null) {
        data.set("errorDetails", errorDetails);
      }
      if (level.equals("TRACE") && lastCall != null && lastCall.resource().contains(":http:")) {
        httpExchange(data);
      }
      return data;
    }

    /** The HTTP Task's request from its arguments, and its response from its result. */
    private void httpExchange(ObjectNode data) {
      JsonNode arguments = lastCall.parameters();
      ObjectNode sent = data.putObject("request");
      sent.put("protocol", "https");
      sent.put("method", arguments.path("Method").asText(""));
      sent.put("url", arguments.path("ApiEndpoint").asText(""));
      sent.put("headers", Json.write(arguments.path("Headers")));
      sent.put("body", Json.write(arguments.path("RequestBody")));
      if (lastAnswer != null && lastAnswer.succeeded()) {
        JsonNode result = lastAnswer.output();
        ObjectNode received = data.putObject("response");
        received.put("protocol", "https");
        received.put("statusCode", result.path("StatusCode").asText(""));
        received.put("statusMessage", result.path("StatusText").asText(""));
        received.put("headers", Json.write(result.path("Headers")));
        received.put("body", Json.write(result.path("ResponseBody")));
      }
    }
  }
}
