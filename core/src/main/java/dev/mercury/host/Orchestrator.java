package dev.mercury.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.api.StepFunctionsApi;
import dev.mercury.api.StepFunctionsService;
import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.engine.Engine;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.port.Clock;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator as a function, whatever the host: each invocation either answers one request of
 * the Step Functions API ({@link #http}) or takes one step envelope ({@link #step}): one
 * transition, one Task call, or one tick of timers and sweeping. Checkpoints live in Elasticsearch
 * and steps travel over NATS JetStream, so nothing an execution needs stays in this object between
 * invocations; it keeps only its connections, opened on the first invocation, not when it is made,
 * so a host may build one during its static initialisation (and snapshot it) for free.
 *
 * <p>Settings are read with {@link BackendSettings} when the connections open: {@code
 * MERCURY_NATS}, {@code MERCURY_ELASTICSEARCH}, {@code MERCURY_PREFIX}, {@code MERCURY_ACK_WAIT},
 * {@code MERCURY_SWEEP_LEASE}, {@code MERCURY_REPLICAS}, {@code MERCURY_NATS_REPLICAS}, {@code
 * MERCURY_ACCESS_KEY} and {@code MERCURY_SECRET_KEY} (SigV4 on the API), {@code
 * MERCURY_RATE_LIMIT}, and the connections Task states call, {@code MERCURY_CONFIG} (a file) or
 * {@code MERCURY_CONFIG_JSON} (its text).
 *
 * <p>Tags, activities, state machine versions and aliases are kept in Elasticsearch beside the
 * state machines, so every instance sees the same ones. Activity tasks waiting for a poller live in
 * memory here, as on the distributed server: one function instance does not see another's.
 */
public final class Orchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final int TIMER_BATCH = 256;
  private static final int TIMER_BATCHES_PER_TICK = 8;

  private final Supplier<BackendSettings> settings;
  private volatile Connected connected;

  /** What one function instance keeps between invocations: connections, and nothing else. */
  private record Connected(
      ElasticsearchCheckpointStore store,
      JetStreamBus bus,
      Router router,
      Stepper stepper,
      StepFunctionsApi api,
      long sweepLeaseMillis) {}

  /** An orchestrator that reads {@code settings} when it first connects. */
  public Orchestrator(Supplier<BackendSettings> settings) {
    this.settings = settings;
  }

  /** An orchestrator on this process's environment variables. */
  public static Orchestrator fromEnvironment() {
    return new Orchestrator(() -> BackendSettings.fromEnvironment(System.getenv()));
  }

  /** The HTTP trigger: one request of the AWS Step Functions JSON API. */
  public ApiResponse http(ApiRequest request) {
    if (!"POST".equalsIgnoreCase(request.method())) {
      return new ApiResponse(
          405, "{\"__type\":\"UnknownOperationException\",\"message\":\"Use POST /\"}");
    }
    StepFunctionsApi api;
    try {
      api = connected().api();
    } catch (RuntimeException e) {
      LOG.error("The orchestrator cannot reach its backends", e);
      return new ApiResponse(
          503,
          Json.write(
              Json.object()
                  .put("__type", "ServiceUnavailable")
                  .put("message", "Mercury cannot reach its backends: " + e.getMessage())));
    }
    return api.handle(request);
  }

  /**
   * Takes one step envelope (see {@link StepEnvelope}) and answers {@code {"outcome": ...}}. A
   * malformed envelope is an {@link IllegalArgumentException}; a backend failure is thrown as is,
   * and the bridge delivers the envelope again.
   */
  public String step(String envelopeJson) {
    JsonNode input;
    try {
      input = Json.parse(envelopeJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the step envelope is not JSON: " + e.getOriginalMessage());
    }
    return step(input).toJson();
  }

  /**
   * {@link #step(String)} for hosts whose step function is an HTTP endpoint: 200 and the outcome,
   * 400 for a malformed envelope, 500 for a failure the bridge should deliver again.
   */
  public ApiResponse stepOverHttp(String envelopeJson) {
    try {
      return new ApiResponse(200, step(envelopeJson));
    } catch (IllegalArgumentException e) {
      return new ApiResponse(400, error(e));
    } catch (RuntimeException e) {
      LOG.error("A step failed; the bridge will deliver it again", e);
      return new ApiResponse(500, error(e));
    }
  }

  private static String error(RuntimeException e) {
    return Json.write(
        Json.object()
            .put("errorType", e.getClass().getSimpleName())
            .put("errorMessage", String.valueOf(e.getMessage())));
  }

  /** Takes one step envelope already parsed. */
  public StepEnvelope.Reply step(JsonNode input) {
    if (!StepEnvelope.is(input)) {
      throw new IllegalArgumentException("not a step envelope: it has no \"mercury\" field");
    }
    return step(StepEnvelope.read(input));
  }

  /** Takes one step envelope. */
  public StepEnvelope.Reply step(StepEnvelope envelope) {
    Connected parts = connected();
    return switch (envelope) {
      case StepEnvelope.Step step ->
          StepEnvelope.Reply.of(parts.stepper().take(step.message(), step.redelivered()));
      case StepEnvelope.Invoke invoke -> {
        parts.stepper().call(invoke.request());
        yield StepEnvelope.Reply.DONE;
      }
      case StepEnvelope.Tick tick -> {
        tick(parts);
        yield StepEnvelope.Reply.DONE;
      }
    };
  }

  private static void tick(Connected parts) {
    Stepper stepper = parts.stepper();
    for (int batch = 0; batch < TIMER_BATCHES_PER_TICK; batch++) {
      if (stepper.fireDueTimers() < stepper.timerBatch()) {
        break;
      }
    }
    stepper.sweep(stepper.clock().millis() - parts.sweepLeaseMillis());
  }

  /** The connections, opened by the first caller; others wait for it. */
  private Connected connected() {
    Connected current = connected;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (connected == null) {
        connected = connect(settings.get());
      }
      return connected;
    }
  }

  private static Connected connect(BackendSettings settings) {
    long started = System.nanoTime();
    Router router = Router.create(settings.connections());
    ElasticsearchCheckpointStore store = null;
    JetStreamBus bus = null;
    try {
      store =
          ElasticsearchCheckpointStore.open(
              settings.elasticsearchUrl(), settings.elasticsearchOptions());
      bus = JetStreamBus.connect(settings.natsOptions(), 1);
      Stepper stepper = new Stepper(store, bus, router, Clock.SYSTEM, TIMER_BATCH);
      ElasticsearchCheckpointStore executions = store;
      JetStreamBus steps = bus;
      StepFunctionsService.Options options =
          StepFunctionsService.Options.defaults()
              .withAccessKeys(settings.accessKeys())
              .withRateLimit(settings.rateLimit());
      StepFunctionsApi api =
          StepFunctionsService.create(
                  store.stateMachines(),
                  store,
                  store.resources(),
                  options,
                  invoker -> Engine.frontDoor(executions, steps, Clock.SYSTEM))
              .api();
      LOG.info(
          "Orchestrator connected to NATS at {} and Elasticsearch at {} in {} ms",
          settings.natsUrl(),
          settings.elasticsearchUrl(),
          (System.nanoTime() - started) / 1_000_000);
      return new Connected(store, bus, router, stepper, api, settings.sweepLease().toMillis());
    } catch (RuntimeException e) {
      if (bus != null) {
        bus.close();
      }
      if (store != null) {
        store.close();
      }
      router.close();
      throw e;
    }
  }

  /** Closes the connections, if they were opened. */
  @Override
  public synchronized void close() {
    Connected parts = connected;
    connected = null;
    if (parts != null) {
      parts.bus().close();
      parts.store().close();
      parts.router().close();
    }
  }
}
