package dev.mercury.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.http.HttpFunctionInvoker;
import dev.mercury.invoke.http.HttpTaskInvoker;
import dev.mercury.invoke.internal.FunctionCalls;
import dev.mercury.invoke.internal.HttpAuth;
import dev.mercury.invoke.internal.HttpTransport;
import dev.mercury.invoke.knative.KnativeInvoker;
import dev.mercury.invoke.openfaas.OpenFaasInvoker;
import dev.mercury.invoke.openwhisk.OpenWhiskInvoker;
import dev.mercury.invoke.process.ProcessInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.port.Invoker;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API proxy: one {@link Invoker} that sends each Task to the invoker for its {@code Resource}.
 *
 * <h2>Resources</h2>
 *
 * <ul>
 *   <li>{@code arn:aws:states:::http:invoke}: the HTTP Task. Its {@code
 *       Authentication.ConnectionArn} names a connection, either by the connection's name or by an
 *       EventBridge connection ARN ({@code arn:aws:events:...:connection/NAME/...}), whose auth,
 *       headers and query parameters it uses; without one it calls without credentials.
 *   <li>{@code mercury:function:NAME}: the connection called NAME in the config file, on whatever
 *       platform it names ({@code http}, {@code openfaas}, {@code knative}, {@code openwhisk},
 *       {@code process}, or one an {@link InvokerProvider} registers).
 *   <li>{@code arn:aws:lambda:REGION:ACCOUNT:function:NAME} and {@code
 *       arn:aws:states:::lambda:invoke} (its {@code FunctionName}): the connection whose {@code
 *       resources} list the function, so a Lambda ARN can be pointed at another platform or a
 *       custom endpoint unchanged; otherwise the invoker registered for platform {@code
 *       aws-lambda}. Through a connection, {@code lambda:invoke} sends its {@code Payload} and
 *       returns {@code {"ExecutedVersion": "$LATEST", "Payload": ..., "StatusCode": 200}} as AWS
 *       does.
 * </ul>
 *
 * Anything else, or a connection or platform that is missing, fails the Task with {@code
 * Mercury.NoInvoker} or {@code Mercury.NoConnection} and a message that says what to add; {@link
 * #unknownResources} finds the same problems before a run.
 *
 * <h2>Guarantees</h2>
 *
 * Each connection has its own concurrency limit ({@code maxConcurrency}), whatever its platform.
 * Every call completes with a task result: an invoker's unexpected exception becomes {@code
 * States.TaskFailed}. Retries are left to the Task's Retry rules; the router never repeats a call.
 */
public final class Router implements Invoker, AutoCloseable {
  public static final String FUNCTION_PREFIX = "mercury:function:";
  public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  public static final String LAMBDA_ARN_PREFIX = "arn:aws:lambda:";
  public static final String AWS_LAMBDA = "aws-lambda";

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  private static final String HTTP_TASK_PLATFORM = "http-task";

  private final Connections connections;
  private final Map<String, InvokerProvider> providers = new LinkedHashMap<>();
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final HttpTransport transport = new HttpTransport();
  private final HttpAuth auth = new HttpAuth(transport);
  private final FunctionCalls calls = new FunctionCalls(transport, auth);
  private volatile HttpCallbackServer callbacks;

  /** An invoker and the limit on its calls in flight. */
  private record Slot(Invoker invoker, ConcurrencyLimit limit) {}

  /**
   * A router over {@code connections} with the built-in invokers and {@code extra} providers, which
   * replace a built-in of the same platform. Every connection's invoker is made now, so a
   * connection that lacks a setting its platform needs is reported before anything runs.
   */
  public Router(Connections connections, List<InvokerProvider> extra) {
    this.connections = connections;
    builtIns().forEach(provider -> providers.put(provider.platform(), provider));
    extra.forEach(provider -> providers.put(provider.platform(), provider));
    for (Connection connection : connections.all()) {
      if (providers.containsKey(connection.platform())) {
        slot(connectionKey(connection), connection);
      }
    }
  }

  /** A router with the providers found on the class path by {@link ServiceLoader}. */
  public static Router create(Connections connections) {
    List<InvokerProvider> found = new ArrayList<>();
    ServiceLoader.load(InvokerProvider.class).forEach(found::add);
    return new Router(connections, found);
  }

  @Override
  public CompletableFuture<TaskResult> invoke(InvokeRequest request) {
    Route route = route(request.resource(), request.parameters(), request.stateName());
    if (route instanceof Route.Missing missing) {
      return CompletableFuture.completedFuture(
          TaskResult.failure(missing.error(), missing.message()));
    }
    Route.Call call = (Route.Call) route;
    log.debug(
        "invoking {} for state {} of {} through connection {}",
        request.resource(),
        request.stateName(),
        request.executionArn(),
        call.connection().name());
    Slot slot = slot(call.key(), call.connection());
    InvokeRequest adapted = call.adapt().apply(request);
    return slot.limit()
        .submit(() -> slot.invoker().invoke(adapted))
        .thenApply(call.wrap())
        .exceptionally(Router::unexpected);
  }

  /**
   * One line for each Task state, in every branch and Map, whose resource nothing here can call,
   * saying what to add. States for which {@code answered} is true (mocked ones) are skipped.
   */
  public List<String> unknownResources(JsonNode definition, Predicate<String> answered) {
    List<String> problems = new ArrayList<>();
    TaskStates.each(
        definition,
        (name, state) -> {
          if (answered.test(name)) {
            return;
          }
          JsonNode parameters =
              state.has("Parameters") ? state.get("Parameters") : state.path("Arguments");
          Route route = route(state.path("Resource").asText(), parameters, name);
          if (route instanceof Route.Missing missing) {
            problems.add(missing.message());
          }
        });
    return problems;
  }

  /**
   * Whether the connections answer {@code resource}: an HTTP Task, a {@code mercury:function:NAME}
   * whose connection exists, or a Lambda function that a connection lists or a default {@code
   * aws-lambda} connection (one without {@code resources}) covers.
   */
  public boolean configures(String resource, JsonNode parameters) {
    if (resource.equals(HttpTaskInvoker.RESOURCE)) {
      return true;
    }
    if (resource.startsWith(FUNCTION_PREFIX)) {
      return connections.named(resource.substring(FUNCTION_PREFIX.length())).isPresent();
    }
    String function =
        resource.equals(LAMBDA_INVOKE) ? parameters.path("FunctionName").asText() : resource;
    if (resource.equals(LAMBDA_INVOKE) || resource.startsWith(LAMBDA_ARN_PREFIX)) {
      return connections.forLambda(function).isPresent()
          || connections.defaultFor(AWS_LAMBDA).isPresent();
    }
    return false;
  }

  private Route route(String resource, JsonNode parameters, String state) {
    if (resource.equals(HttpTaskInvoker.RESOURCE)) {
      return httpTask(parameters, state);
    }
    if (resource.startsWith(FUNCTION_PREFIX)) {
      return function(resource, state);
    }
    if (resource.startsWith(LAMBDA_ARN_PREFIX)) {
      return connections
          .forLambda(resource)
          .map(this::platformRoute)
          .orElseGet(() -> awsLambda(resource, state));
    }
    if (resource.equals(LAMBDA_INVOKE)) {
      return lambdaInvoke(resource, parameters, state);
    }
    return new Route.Missing(
        InvokeErrors.NO_INVOKER,
        "No invoker for resource '"
            + resource
            + "' of state '"
            + state
            + "'. Mercury calls arn:aws:states:::http:invoke, AWS Lambda functions and"
            + " mercury:function:NAME (a connection in the config file given with --config);"
            + " answer other resources with a mock configuration (--mock-config).");
  }

  private Route function(String resource, String state) {
    String name = resource.substring(FUNCTION_PREFIX.length());
    return connections
        .named(name)
        .map(this::platformRoute)
        .orElseGet(
            () ->
                new Route.Missing(
                    InvokeErrors.NO_CONNECTION,
                    "State '"
                        + state
                        + "' calls "
                        + resource
                        + ", but the config file defines no connection \""
                        + name
                        + "\". Add it under \"connections\" in the file given with --config"
                        + " (or MERCURY_CONFIG)."));
  }

  private Route platformRoute(Connection connection) {
    if (!providers.containsKey(connection.platform())) {
      return new Route.Missing(
          InvokeErrors.NO_INVOKER,
          "Connection \""
              + connection.name()
              + "\" uses platform '"
              + connection.platform()
              + "', for which no invoker is registered. Built in: http, openfaas, knative,"
              + " openwhisk, process; other platforms come from a module on the class path that"
              + " registers a dev.mercury.invoke.InvokerProvider.");
    }
    return new Route.Call(connectionKey(connection), connection);
  }

  private Route lambdaInvoke(String resource, JsonNode parameters, String state) {
    JsonNode function = parameters.path("FunctionName");
    if (function.isTextual()) {
      var connection = connections.forLambda(function.asText());
      if (connection.isPresent()) {
        Route route = platformRoute(connection.get());
        if (route instanceof Route.Call call) {
          return new Route.Call(
              call.key(), call.connection(), Router::payloadOnly, Router::lambdaInvokeOutput);
        }
        return route;
      }
    }
    return awsLambda(resource, state);
  }

  private Route awsLambda(String resource, String state) {
    if (!providers.containsKey(AWS_LAMBDA)) {
      return new Route.Missing(
          InvokeErrors.NO_INVOKER,
          "No invoker is registered for platform aws-lambda, which resource '"
              + resource
              + "' of state '"
              + state
              + "' needs. Put mercury-adapters-aws on the class path (it registers one through"
              + " java.util.ServiceLoader), or answer the function from a connection: list it"
              + " under \"resources\" of a connection in the config file.");
    }
    Connection connection =
        connections.defaultFor(AWS_LAMBDA).orElseGet(() -> Connection.bare(AWS_LAMBDA, AWS_LAMBDA));
    return new Route.Call(connectionKey(connection), connection);
  }

  private Route httpTask(JsonNode parameters, String state) {
    JsonNode arn = parameters.path("Authentication").path("ConnectionArn");
    if (!arn.isTextual()) {
      return new Route.Call(
          HTTP_TASK_PLATFORM, Connection.bare(HttpTaskInvoker.RESOURCE, HTTP_TASK_PLATFORM));
    }
    String name = connectionName(arn.asText());
    return connections
        .named(name)
        .<Route>map(connection -> new Route.Call(HTTP_TASK_PLATFORM + ":" + name, connection))
        .orElseGet(
            () ->
                new Route.Missing(
                    InvokeErrors.NO_CONNECTION,
                    "The HTTP Task of state '"
                        + state
                        + "' authenticates with connection '"
                        + arn.asText()
                        + "', but the config file defines no connection \""
                        + name
                        + "\". Add one under \"connections\" with its auth."));
  }

  /** The connection an EventBridge connection ARN names: {@code ...:connection/NAME/uuid}. */
  static String connectionName(String arn) {
    int at = arn.indexOf(":connection/");
    if (at < 0) {
      return arn;
    }
    String rest = arn.substring(at + ":connection/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private Slot slot(String key, Connection connection) {
    return slots.computeIfAbsent(
        key,
        k ->
            new Slot(
                create(k, connection),
                new ConcurrencyLimit(connection.maxConcurrency(), transport.executor())));
  }

  private Invoker create(String key, Connection connection) {
    if (key.startsWith(HTTP_TASK_PLATFORM)) {
      return new HttpTaskInvoker(transport, auth, connection);
    }
    try {
      return providers.get(connection.platform()).create(connection);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "connection \"" + connection.name() + "\": " + e.getMessage(), e);
    }
  }

  private static String connectionKey(Connection connection) {
    return "connection:" + connection.name();
  }

  private List<InvokerProvider> builtIns() {
    return List.of(
        provider("http", c -> new HttpFunctionInvoker(calls, c)),
        provider("openfaas", c -> new OpenFaasInvoker(calls, c, this::callbacks)),
        provider("knative", c -> new KnativeInvoker(calls, c)),
        provider("openwhisk", c -> new OpenWhiskInvoker(calls, c)),
        provider("process", c -> new ProcessInvoker(c, transport.executor())));
  }

  private static InvokerProvider provider(String platform, Function<Connection, Invoker> create) {
    return new InvokerProvider() {
      @Override
      public String platform() {
        return platform;
      }

      @Override
      public Invoker create(Connection connection) {
        return create.apply(connection);
      }
    };
  }

  /** The callback receiver, started the first time an asynchronous call needs it. */
  private synchronized CallbackReceiver callbacks() {
    if (callbacks == null) {
      Connections.CallbackSettings settings = connections.callbacks();
      callbacks = new HttpCallbackServer(settings.bind(), settings.url());
      log.info("receiving callbacks at {}", callbacks.base());
    }
    return callbacks;
  }

  private static InvokeRequest payloadOnly(InvokeRequest request) {
    JsonNode payload = request.parameters().path("Payload");
    return new InvokeRequest(
        request.executionArn(),
        request.flowId(),
        request.seq(),
        request.stateName(),
        request.resource(),
        payload.isMissingNode() ? Json.object() : payload,
        request.attempt(),
        request.timeoutMillis(),
        request.taskToken(),
        request.idempotencyKey());
  }

  private static TaskResult lambdaInvokeOutput(TaskResult result) {
    if (!result.succeeded()) {
      return result;
    }
    ObjectNode output = Json.object();
    output.put("ExecutedVersion", "$LATEST");
    output.set("Payload", result.output());
    output.put("StatusCode", 200);
    return TaskResult.success(output);
  }

  private static TaskResult unexpected(Throwable thrown) {
    Throwable cause = HttpTransport.unwrap(thrown);
    log.error("an invoker failed unexpectedly", cause);
    return TaskResult.failure(
        dev.mercury.language.error.ErrorName.TASK_FAILED,
        cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  @Override
  public void close() {
    if (callbacks != null) {
      callbacks.close();
    }
    transport.close();
  }
}
