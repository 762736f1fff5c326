package dev.mercury.invoke.function;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Which URL a Task calls: its resource when that is itself an http(s) URL, else the connection's
 * {@code url}, in which {@code {function}} stands for the resource's last {@code :}-separated part
 * (so one connection can serve every function of one project or app).
 */
public final class FunctionUrl {
  static final String PLACEHOLDER = "{function}";

  private FunctionUrl() {}

  /** Throws {@link IllegalArgumentException} when neither gives a URL. */
  public static URI resolve(String resource, String template) {
    if (resource.startsWith("https://") || resource.startsWith("http://")) {
      return URI.create(resource);
    }
    if (template == null) {
      throw new IllegalArgumentException(
          "The connection has no url, and the resource '" + resource + "' is not a URL.");
    }
    if (!template.contains(PLACEHOLDER)) {
      return URI.create(template);
    }
    String name = resource.substring(resource.lastIndexOf(':') + 1);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("The resource '" + resource + "' names no function.");
    }
    String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(template.replace(PLACEHOLDER, segment));
  }

  /** The URL without its query or fragment: safe to show, and what an audience names. */
  public static String withoutQuery(URI url) {
    return url.getScheme()
        + "://"
        + url.getRawAuthority()
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
