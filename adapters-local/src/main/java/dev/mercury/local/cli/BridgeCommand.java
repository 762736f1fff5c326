package dev.mercury.local.cli;

import dev.mercury.bus.nats.JetStreamBus;
import dev.mercury.host.BackendSettings;
import dev.mercury.host.StepBridge;
import dev.mercury.host.StepFunctionCall;
import dev.mercury.invoke.Connection;
import dev.mercury.invoke.Connections;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mercury bridge}: feeds a serverless orchestrator. Takes step messages and invoke requests
 * from NATS JetStream and invokes the orchestrator's step function once per message, through the
 * connection that {@code --function} names in the config file, so every platform Mercury can call
 * (Lambda, Azure Functions, Cloud Functions, plain HTTP) can host the orchestrator.
 */
@Command(
    name = "bridge",
    description = {
      "Carries steps from NATS JetStream to the orchestrator's step function on a serverless"
          + " platform, one invocation per message.",
      "",
      "Each step message and invoke request is sent to the step function as a step envelope;"
          + " the message is acknowledged only when the function answers committed, stale or"
          + " done, and is delivered again later when it answers contended or fails. Every"
          + " --tick seconds the bridge sends a tick, on which the function fires due timers"
          + " and sends again the work of executions that stood still.",
      "",
      "The step function is a connection of the config file, called as a Task would call it:",
      "  aws-lambda       {\"platform\": \"aws-lambda\","
          + " \"function\": \"arn:aws:lambda:eu-west-1:123456789012:function:mercury\"}"
          + " (the function's ARN; credentials from the SDK's default chain)",
      "  azure-functions  {\"platform\": \"azure-functions\","
          + " \"url\": \"https://APP.azurewebsites.net/step\", \"functionKeyEnv\": \"STEP_KEY\"}",
      "  gcp-functions    {\"platform\": \"gcp-functions\","
          + " \"url\": \"https://REGION-PROJECT.cloudfunctions.net/mercury-step\"}"
          + " (ID token of the bridge's service account)",
      "  http             {\"platform\": \"http\", \"url\": \"http://10.0.0.5:8080/\"}",
      "",
      "Run one bridge, or a few for availability: JetStream hands each message to one of them."
    },
    mixinStandardHelpOptions = true)
final class BridgeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--nats",
      defaultValue = "${env:MERCURY_NATS}",
      paramLabel = "URL",
      description = "NATS server(s) with JetStream, e.g. nats://127.0.0.1:4222 (env MERCURY_NATS).")
  String nats;

  @Option(
      names = "--prefix",
      defaultValue = "${env:MERCURY_PREFIX}",
      paramLabel = "NAME",
      description =
          "Start of stream and subject names, as the orchestrator's MERCURY_PREFIX (default"
              + " mercury; env MERCURY_PREFIX).")
  String prefix;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The config file that holds the step function's connection (env MERCURY_CONFIG).")
  Path config;

  @Option(
      names = "--function",
      required = true,
      paramLabel = "NAME",
      description = "The connection in the config file that reaches the step function.")
  String function;

  @Option(
      names = "--concurrency",
      defaultValue = "${env:MERCURY_CONCURRENCY:-16}",
      paramLabel = "N",
      description =
          "Step function invocations in flight at once, for steps and for invoke requests each"
              + " (default 16; env MERCURY_CONCURRENCY).")
  int concurrency;

  @Option(
      names = "--tick",
      defaultValue = "1",
      paramLabel = "SECONDS",
      description = "How often to send a tick that fires due timers and sweeps (default 1).")
  double tick;

  @Option(
      names = "--ack-wait",
      defaultValue = "${env:MERCURY_ACK_WAIT}",
      paramLabel = "SECONDS",
      description =
          "As the orchestrator's MERCURY_ACK_WAIT: how long a message may stay unanswered before"
              + " JetStream hands it out again (default 30).")
  String ackWait;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> settings = new HashMap<>();
    settings.put("nats", nats);
    settings.put("prefix", prefix);
    settings.put("ack-wait", ackWait);
    BackendSettings backends = new BackendSettings(settings::get, System::getenv);
    Connections connections;
    try {
      backends.natsUrl();
      connections = ConfigFile.read(ConfigFile.locate(config));
    } catch (IllegalArgumentException e) {
      err.println("mercury bridge: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    Optional<Connection> connection = connections.named(function);
    if (connection.isEmpty()) {
      err.println(
          "mercury bridge: the config file has no connection \""
              + function
              + "\" for the step function (see --help).");
      return Mercury.EXIT_INVALID;
    }
    if (tick <= 0 || concurrency < 1) {
      err.println("mercury bridge: --tick and --concurrency must be positive.");
      return Mercury.EXIT_INVALID;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    StepFunctionCall stepFunction;
    try {
      stepFunction = StepFunctionCall.of(connection.get(), System::getenv);
    } catch (IllegalArgumentException e) {
      err.println("mercury bridge: " + e.getMessage());
      return Mercury.EXIT_INVALID;
    }
    try (stepFunction;
        JetStreamBus bus = JetStreamBus.connect(backends.natsOptions(), concurrency);
        StepBridge bridge =
            StepBridge.start(bus, stepFunction, Duration.ofMillis(Math.round(tick * 1000)))) {
      spec.commandLine()
          .getOut()
          .printf(
              "mercury bridge: steps from %s (prefix %s) to connection %s (pid %d)%n",
              backends.natsUrl(), backends.prefix(), function, ProcessHandle.current().pid());
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
