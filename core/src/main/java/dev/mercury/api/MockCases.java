package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.engine.Engine;
import dev.mercury.invoke.mock.MockConfiguration;
import dev.mercury.invoke.mock.MockInvoker;
import dev.mercury.port.Invoker;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import dev.mercury.transition.StepMessage.TaskResult;
import dev.mercury.transition.TaskToken;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's Step Functions Local mock configuration ({@code mercury server --mock-config FILE}):
 * an execution started on {@code stateMachineArn#TestCase} has its Task states answered from that
 * test case of the state machine (named as in the file's {@code StateMachines}); states the test
 * case does not mock, and executions started without a test case, go to the next invoker.
 *
 * <p>A mocked Task that waits for a callback gets the mocked response as its callback, as Step
 * Functions Local answers it, so a test needs no SendTaskSuccess. The test case an execution runs
 * is remembered beside it, so a restarted server mocks the executions it resumes.
 */
final class MockCases implements Invoker {
  /** The kind of the document the API keeps for an execution. */
  static final String EXECUTION_KIND = "execution";

  private final JsonNode file;
  private final ResourceStore resources;
  private final Invoker next;
  private final Map<String, Mocked> byExecution = new ConcurrentHashMap<>();
  private Engine engine;

  private record Mocked(MockConfiguration configuration, MockInvoker invoker) {}

  /** {@code file} is the mock configuration's JSON, or null when the server has none. */
  MockCases(JsonNode file, ResourceStore resources, Invoker next) {
    this.file = file;
    this.resources = resources;
    this.next = next;
  }

  void attach(Engine engine) {
    this.engine = engine;
    engine.onEnd(ended -> byExecution.remove(ended.executionArn));
  }

  /** Runs the execution on a test case; refuses a test case the file does not have. */
  void select(String executionArn, String machineName, String testCase) {
    if (file == null) {
      throw ApiException.validation(
          "'#" + testCase + "' names a mock test case, but the server has no --mock-config");
    }
    try {
      byExecution.put(executionArn, mocked(machineName, testCase));
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("The mock configuration cannot be used: " + e.getMessage());
    }
  }

  private Mocked mocked(String machineName, String testCase) {
    MockConfiguration configuration = MockConfiguration.of(file, machineName, testCase);
    return new Mocked(configuration, new MockInvoker(configuration, next));
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    Mocked mocked = file == null ? null : find(request.executionArn());
    if (mocked == null || !mocked.configuration().mocks(request.stateName())) {
      return next.invoke(request);
    }
    CompletableFuture<TaskResult> answer = mocked.invoker().invoke(request);
    if (request.taskToken() == null) {
      return answer;
    }
    return answer.thenApply(
        result -> {
          TaskToken.Address address = TaskToken.decode(request.taskToken()).orElseThrow();
          engine.submit(
              new StepMessage(
                  address.executionArn(),
                  address.flowId(),
                  address.seq(),
                  new StepMessage.TaskCallback(request.taskToken(), result)));
          return TaskResult.nothingSubmitted();
        });
  }

  private Mocked find(String executionArn) {
    Mocked mocked = byExecution.get(executionArn);
    if (mocked != null) {
      return mocked;
    }
    Resource remembered = resources.get(executionArn);
    if (remembered == null || !remembered.document().hasNonNull("testCase")) {
      return null;
    }
    String machineName = executionArn.split(":")[6];
    mocked = mocked(machineName, remembered.document().get("testCase").asText());
    byExecution.put(executionArn, mocked);
    return mocked;
  }
}
