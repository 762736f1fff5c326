package dev.mercury.gcp.host;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.host.Orchestrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Step Functions API as a Cloud Function (entry point {@code
 * dev.mercury.gcp.host.ApiFunction}), meant to be public: Mercury checks SigV4 itself when {@code
 * MERCURY_ACCESS_KEY} is set. Settings come from the function's environment; see {@link
 * Orchestrator}.
 */
public final class ApiFunction implements HttpFunction {
  private final Orchestrator orchestrator;

  /** The function the Functions Framework makes, on this instance's one orchestrator. */
  public ApiFunction() {
    this(Instance.ORCHESTRATOR);
  }

  /** A function on an orchestrator of the caller's. */
  public ApiFunction(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    request
        .getHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    ApiResponse answer =
        orchestrator.http(
            new ApiRequest(
                request.getMethod(),
                request.getPath(),
                request.getQuery().orElse(null),
                headers,
                request.getInputStream().readAllBytes()));
    response.setStatusCode(answer.status());
    response.setContentType(ApiResponse.CONTENT_TYPE);
    response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
  }
}
