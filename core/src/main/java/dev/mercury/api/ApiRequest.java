package dev.mercury.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the API, as any host (the local server, a function on a cloud) receives it.
 *
 * @param headers by lower-case name
 */
public record ApiRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header, by lower-case name, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A {@code POST /} with only the target header, as a host that checks nothing else sends. */
  public static ApiRequest of(String target, String body) {
    return new ApiRequest(
        "POST",
        "/",
        null,
        target == null ? Map.of() : Map.of("x-amz-target", List.of(target)),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }
}
