package dev.mercury.invoke;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receives the answers of platforms that call back instead of replying, such as an OpenFaaS
 * asynchronous invocation's {@code X-Callback-Url}. Each expected answer has its own URL, so a
 * callback can complete only the call it belongs to.
 */
public interface CallbackReceiver extends AutoCloseable {

  /** A fresh URL to hand a platform, and the answer that arrives there. */
  Expected expect();

  @Override
  void close();

  /**
   * @param cancel forgets the URL, for a call that failed or gave up waiting
   */
  record Expected(URI url, CompletableFuture<Callback> callback, Runnable cancel) {}

  /** What the platform posted: its headers (names in lower case) and body. */
  record Callback(Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }
}
