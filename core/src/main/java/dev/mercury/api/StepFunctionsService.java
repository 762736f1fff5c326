package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.engine.Engine;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Clock;
import dev.mercury.port.Invoker;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.StateMachineStore;
import java.time.Duration;
import java.util.Map;

/**
 * The Step Functions service in one process: the engine, with the resources the service answers
 * itself (activities, child executions) in front of the configured invoker, and the API over them.
 * The caller runs the engine ({@link Engine#runUntil}) on a thread of its choosing.
 */
public final class StepFunctionsService {
  /**
   * How the service is set up.
   *
   * @param invoker calls Task resources the service does not answer itself; null when none is
   *     configured
   * @param activityPollLimit how long GetActivityTask waits for a task (AWS: 60 s)
   * @param mockConfiguration a Step Functions Local mock configuration file's JSON, or null; see
   *     {@link MockCases}
   * @param accessKeys secret access keys by access key ID; when empty, any request is accepted,
   *     signed or not, and when not, every request must carry a valid SigV4 signature
   * @param requestsPerSecond the API's sustained request rate, with bursts of twice as many; 0 for
   *     no limit
   */
  public record Options(
      Invoker invoker,
      Clock clock,
      Duration activityPollLimit,
      JsonNode mockConfiguration,
      Map<String, String> accessKeys,
      double requestsPerSecond) {
    public static Options defaults() {
      return new Options(null, Clock.SYSTEM, Duration.ofSeconds(60), null, Map.of(), 0);
    }

    public Options withInvoker(Invoker invoker) {
      return new Options(
          invoker, clock, activityPollLimit, mockConfiguration, accessKeys, requestsPerSecond);
    }

    public Options withClock(Clock clock) {
      return new Options(
          invoker, clock, activityPollLimit, mockConfiguration, accessKeys, requestsPerSecond);
    }

    public Options withActivityPollLimit(Duration limit) {
      return new Options(invoker, clock, limit, mockConfiguration, accessKeys, requestsPerSecond);
    }

    public Options withMockConfiguration(JsonNode file) {
      return new Options(invoker, clock, activityPollLimit, file, accessKeys, requestsPerSecond);
    }

    public Options withAccessKeys(Map<String, String> keys) {
      return new Options(
          invoker, clock, activityPollLimit, mockConfiguration, keys, requestsPerSecond);
    }

    public Options withRateLimit(double perSecond) {
      return new Options(
          invoker, clock, activityPollLimit, mockConfiguration, accessKeys, perSecond);
    }
  }

  private final Engine engine;
  private final StepFunctionsApi api;

  private StepFunctionsService(Engine engine, StepFunctionsApi api) {
    this.engine = engine;
    this.api = api;
  }

  public static StepFunctionsService create(
      StateMachineStore machines,
      CheckpointStore executions,
      ResourceStore resources,
      Options options) {
    return create(
        machines,
        executions,
        resources,
        options,
        invoker -> new Engine(executions, invoker, options.clock()));
  }

  /**
   * The service on an engine the caller makes from the invoker the service composes, such as a
   * front door that hands steps to workers elsewhere.
   */
  public static StepFunctionsService create(
      StateMachineStore machines,
      CheckpointStore executions,
      ResourceStore resources,
      Options options,
      java.util.function.Function<Invoker, Engine> engines) {
    Targets targets = new Targets(machines, resources, Math::random);
    ActivityQueues queues = new ActivityQueues();
    ServiceIntegrations integrations =
        new ServiceIntegrations(targets, executions, queues, options.invoker());
    MockCases mocks = new MockCases(options.mockConfiguration(), resources, integrations);
    Engine engine = engines.apply(mocks);
    integrations.attach(engine);
    mocks.attach(engine);
    StepFunctionsApi api =
        new StepFunctionsApi(
            new StepFunctionsApi.Parts(
                machines, executions, resources, engine, targets, queues, mocks, options));
    return new StepFunctionsService(engine, api);
  }

  public Engine engine() {
    return engine;
  }

  public StepFunctionsApi api() {
    return api;
  }
}
