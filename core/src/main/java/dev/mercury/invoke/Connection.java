package dev.mercury.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One entry of a config file's {@code connections}: where a function lives and how to call it.
 *
 * @param name the key under {@code connections}; a Task names it as {@code mercury:function:NAME}
 * @param platform which invoker calls it: {@code http}, {@code openfaas}, {@code knative}, {@code
 *     openwhisk}, {@code process}, or one registered by an {@link InvokerProvider}
 * @param url the platform's endpoint (a gateway, a service URL, an API host); null for processes
 * @param function the function's name on its platform; defaults to the connection's name
 * @param timeout how long one call may take when the Task sets no TimeoutSeconds; null for none
 * @param maxConcurrency how many calls through this connection may be in flight at once
 * @param resources Lambda function ARNs (or names) that this connection answers instead of AWS
 * @param settings the connection as written, for the fields only one platform reads
 * @param baseDirectory the config file's folder, against which relative paths resolve
 */
public record Connection(
    String name,
    String platform,
    URI url,
    String function,
    Auth auth,
    Duration timeout,
    int maxConcurrency,
    List<String> resources,
    JsonNode settings,
    Path baseDirectory) {

  /** Enough calls in flight to keep a function busy without opening a socket per Map item. */
  public static final int DEFAULT_MAX_CONCURRENCY = 32;

  /** A connection with nothing configured but its platform, for platforms that need no settings. */
  public static Connection bare(String name, String platform) {
    return new Connection(
        name,
        platform,
        null,
        name,
        Auth.NONE,
        null,
        DEFAULT_MAX_CONCURRENCY,
        List.of(),
        Json.object(),
        Path.of("."));
  }

  /**
   * How long one call may take: the Task's TimeoutSeconds when it has one, else the connection's
   * {@code timeoutSeconds}; null when neither limits it.
   */
  public Duration timeoutFor(InvokeRequest request) {
    if (request.timeoutMillis() > 0) {
      return Duration.ofMillis(request.timeoutMillis());
    }
    return timeout;
  }

  /** A platform-specific text setting, or {@code fallback} when the connection does not set it. */
  public String setting(String field, String fallback) {
    JsonNode value = settings.path(field);
    return value.isTextual() ? value.asText() : fallback;
  }
}
