package dev.mercury.azure.host;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.mercury.api.ApiRequest;
import dev.mercury.api.ApiResponse;
import dev.mercury.host.Orchestrator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestrator as an Azure Functions app of two HTTP-triggered functions:
 *
 * <ul>
 *   <li>{@code api}: the Step Functions API on every path, anonymous at the platform because
 *       Mercury checks SigV4 itself when {@code MERCURY_ACCESS_KEY} is set;
 *   <li>{@code step}: the step function the bridge calls with a step envelope, behind a function
 *       key that the platform checks.
 * </ul>
 *
 * The Java worker makes one instance of this class and calls it from many threads; the orchestrator
 * connects on the first call and keeps only its connections. The app's {@code function.json} files
 * are written from these annotations' values by the build (see {@code src/main/azure}); a test
 * keeps the two in step.
 */
public class OrchestratorFunctions {
  private static final Orchestrator SHARED = Orchestrator.fromEnvironment();

  private final Orchestrator orchestrator;

  /** The functions the Java worker makes, on this instance's one orchestrator. */
  public OrchestratorFunctions() {
    this(SHARED);
  }

  /** The functions on an orchestrator of the caller's. */
  public OrchestratorFunctions(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  @FunctionName("api")
  public HttpResponseMessage api(
      @HttpTrigger(
              name = "request",
              methods = {HttpMethod.GET, HttpMethod.POST},
              authLevel = AuthorizationLevel.ANONYMOUS,
              route = "{*path}",
              dataType = "binary")
          HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    Map<String, List<String>> headers = new HashMap<>();
    // The worker hands headers over one value each, under the names the client sent.
    request
        .getHeaders()
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    ApiResponse answer =
        orchestrator.http(
            new ApiRequest(
                request.getHttpMethod().name(),
                request.getUri().getRawPath(),
                request.getUri().getRawQuery(),
                headers,
                request.getBody().orElse(new byte[0])));
    return reply(request, answer, ApiResponse.CONTENT_TYPE);
  }

  @FunctionName("step")
  public HttpResponseMessage step(
      @HttpTrigger(
              name = "request",
              methods = {HttpMethod.POST},
              authLevel = AuthorizationLevel.FUNCTION,
              dataType = "binary")
          HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    ApiResponse answer =
        orchestrator.stepOverHttp(
            new String(request.getBody().orElse(new byte[0]), StandardCharsets.UTF_8));
    return reply(request, answer, "application/json");
  }

  private static HttpResponseMessage reply(
      HttpRequestMessage<?> request, ApiResponse answer, String contentType) {
    return request
        .createResponseBuilder(HttpStatus.valueOf(answer.status()))
        .header("Content-Type", contentType)
        .body(answer.body())
        .build();
  }
}
