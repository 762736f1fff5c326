package dev.mercury.aws.host;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.host.Orchestrator;
import dev.mercury.host.StepEnvelope;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The orchestrator on AWS Lambda (handler {@code
 * dev.mercury.aws.host.LambdaHandler::handleRequest}, runtime java21). One function serves two
 * kinds of event, told apart by their shape:
 *
 * <ul>
 *   <li>a Function URL or API Gateway HTTP API (payload 2.0) request: the Step Functions API, with
 *       SigV4 checked by Mercury when {@code MERCURY_ACCESS_KEY} is set;
 *   <li>a step envelope from {@code mercury bridge} (an object with a {@code "mercury"} field): one
 *       transition, one Task call or one tick, answered {@code {"outcome": ...}}.
 * </ul>
 *
 * Static initialisation makes the orchestrator but opens nothing, so a SnapStart snapshot holds no
 * connection and no secret: the first invocation reads the settings (see {@link LambdaSettings})
 * and connects. A failed step invocation is reported to Lambda as a function error, which the
 * bridge takes as "deliver again".
 */
public final class LambdaHandler implements RequestStreamHandler {
  private static final Orchestrator SHARED = new Orchestrator(LambdaSettings::fromEnvironment);

  private final Orchestrator orchestrator;

  /** The handler the Lambda runtime makes, on this instance's one orchestrator. */
  public LambdaHandler() {
    this(SHARED);
  }

  /** A handler on an orchestrator of the caller's. */
  public LambdaHandler(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.MAPPER.readTree(input);
    String reply =
        StepEnvelope.is(event)
            ? orchestrator.step(event).toJson()
            : HttpEvent.response(orchestrator.http(HttpEvent.request(event)));
    output.write(reply.getBytes(StandardCharsets.UTF_8));
  }
}
