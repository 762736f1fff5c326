package dev.mercury.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.Connections;
import dev.mercury.invoke.Router;
import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The orchestrator's step function behind one connection of a config file, called through a {@link
 * Router} over that connection alone, as a Task state would call it: the envelope is the input, the
 * reply the output, on whatever platform the connection names. An {@code aws-lambda} connection
 * names the function by its ARN in {@code "function"}, since the Lambda invoker calls functions by
 * ARN; any other connection is called as {@code mercury:function:NAME}.
 */
public final class StepFunctionCall implements StepBridge.StepFunction, AutoCloseable {
  private final Router router;
  private final String resource;
  private final AtomicLong calls = new AtomicLong();

  private StepFunctionCall(Router router, String resource) {
    this.router = router;
    this.resource = resource;
  }

  /**
   * The step function behind {@code connection}; {@code environment} holds the variables its
   * secrets name. Throws {@link IllegalArgumentException} when the connection cannot say how to
   * reach it.
   */
  public static StepFunctionCall of(Connection connection, Function<String, String> environment) {
    ObjectNode settings = (ObjectNode) connection.settings().deepCopy();
    String resource;
    if (connection.platform().equals(Router.AWS_LAMBDA)) {
      resource = connection.function();
      if (!resource.startsWith(Router.LAMBDA_ARN_PREFIX)) {
        throw new IllegalArgumentException(
            "connection \""
                + connection.name()
                + "\" needs \"function\": the step function's ARN"
                + " (arn:aws:lambda:REGION:ACCOUNT:function:NAME)");
      }
      // Routes the ARN to this connection whatever other Lambda connections exist.
      settings.putArray("resources").add(resource);
    } else {
      resource = Router.FUNCTION_PREFIX + connection.name();
    }
    ObjectNode root = Json.object();
    root.putObject("connections").set(connection.name(), settings);
    Connections one = Connections.parse(root, connection.baseDirectory(), environment);
    return new StepFunctionCall(Router.create(one), resource);
  }

  @Override
  public StepEnvelope.Reply invoke(StepEnvelope envelope) throws Exception {
    long call = calls.incrementAndGet();
    InvokeRequest request =
        new InvokeRequest(
            "mercury-bridge",
            0,
            call,
            "step",
            resource,
            envelope.toJson(),
            0,
            0,
            null,
            "bridge-" + call);
    StepMessage.TaskResult result = router.invoke(request).get();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.error() + ": " + result.cause());
    }
    StepEnvelope.Reply reply = StepEnvelope.Reply.of(result.output());
    if (reply == null) {
      throw new IllegalStateException("the step function answered " + result.output());
    }
    return reply;
  }

  @Override
  public void close() {
    router.close();
  }
}
