package dev.mercury.gcp.host;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.mercury.api.ApiResponse;
import dev.mercury.host.Orchestrator;
import dev.mercury.host.StepEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The orchestrator's step function as a Cloud Function (entry point {@code
 * dev.mercury.gcp.host.StepFunction}): the body is a {@link StepEnvelope}, the answer {@code
 * {"outcome": ...}}. Deploy it private, with only the bridge's service account allowed to invoke
 * it: Google's front end checks the ID token, so this code checks nothing. A malformed envelope is
 * answered 400, a backend failure 500, which the bridge takes as "deliver again".
 */
public final class StepFunction implements HttpFunction {
  private final Orchestrator orchestrator;

  /** The function the Functions Framework makes, on this instance's one orchestrator. */
  public StepFunction() {
    this(Instance.ORCHESTRATOR);
  }

  /** A function on an orchestrator of the caller's. */
  public StepFunction(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    ApiResponse answer =
        orchestrator.stepOverHttp(
            new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    response.setStatusCode(answer.status());
    response.setContentType("application/json");
    response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
  }
}
