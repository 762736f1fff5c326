package dev.mercury.tests.hosts;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import dev.mercury.aws.host.LambdaHandler;
import dev.mercury.azure.host.OrchestratorFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Run by {@link HostBenchmark} in a fresh JVM whose class path is one host's built jar (plus this
 * class): times the JVM's start, the host's initialisation (its class loaded and its entry object
 * made, what a SnapStart snapshot would hold) and its first two invocations (a ListStateMachines,
 * which connects to NATS and Elasticsearch, then a tick). Prints one line of {@code name=ms}.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long jvm = mainAt - ManagementFactory.getRuntimeMXBean().getStartTime();
    long started = System.nanoTime();
    // By name, so that each host's classes are loaded only in the JVM that runs on its jar.
    Invocation host =
        (Invocation)
            Class.forName(ColdStartProbe.class.getName() + "$" + args[0])
                .getDeclaredConstructor()
                .newInstance();
    long init = System.nanoTime();
    String first = host.call(false);
    long firstDone = System.nanoTime();
    String tick = host.call(true);
    long tickDone = System.nanoTime();
    if (!first.contains("stateMachines") || !tick.contains("done")) {
      throw new IllegalStateException("unexpected answers: " + first + " / " + tick);
    }
    System.out.printf(
        "jvm=%d init=%d first=%d second=%d%n",
        jvm,
        (init - started) / 1_000_000,
        (firstDone - init) / 1_000_000,
        (tickDone - firstDone) / 1_000_000);
    System.exit(0);
  }

  /** One invocation of the host: the API's ListStateMachines, or a tick. */
  @FunctionalInterface
  interface Invocation {
    String call(boolean tick) throws Exception;
  }

  /** The Lambda handler, made as the runtime makes it. */
  static final class Lambda implements Invocation {
    private final LambdaHandler handler = new LambdaHandler();

    @Override
    public String call(boolean tick) throws Exception {
      String event =
          tick
              ? "{\"mercury\": \"tick\"}"
              : LambdaEvents.functionUrl(
                  new SignedCall(
                      "AWSStepFunctions.ListStateMachines",
                      "{}",
                      Map.of("X-Amz-Target", "AWSStepFunctions.ListStateMachines")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** The Azure Functions app's class, made as the Java worker makes it. */
  static final class Azure implements Invocation {
    private final OrchestratorFunctions functions = new OrchestratorFunctions();
    private final ExecutionContext context =
        new ExecutionContext() {
          @Override
          public Logger getLogger() {
            return Logger.getLogger("probe");
          }

          @Override
          public String getInvocationId() {
            return "probe";
          }

          @Override
          public String getFunctionName() {
            return "api";
          }
        };

    @Override
    public String call(boolean tick) {
      AzureRequest request =
          new AzureRequest(
              URI.create("https://mercury-app.azurewebsites.net/" + (tick ? "step" : "")),
              HttpMethod.POST,
              Map.of("X-Amz-Target", "AWSStepFunctions.ListStateMachines"),
              Optional.of(
                  (tick ? "{\"mercury\": \"tick\"}" : "{}").getBytes(StandardCharsets.UTF_8)));
      return String.valueOf(
          (tick ? functions.step(request, context) : functions.api(request, context)).getBody());
    }
  }
}
