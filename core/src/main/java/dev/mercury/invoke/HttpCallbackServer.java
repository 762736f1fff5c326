package dev.mercury.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link CallbackReceiver} served by the JDK's HTTP server. Each expected answer gets a path with
 * 128 random bits, {@code /callbacks/<token>}, which is all a caller needs to complete it, so the
 * path is the credential: it is made fresh per call and forgotten once used. Answers to unknown
 * paths get 404 and change nothing.
 */
public final class HttpCallbackServer implements CallbackReceiver {
  private static final String PATH = "/callbacks/";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final URI base;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, CompletableFuture<Callback>> pending = new ConcurrentHashMap<>();

  /**
   * Listens on {@code bind} (host:port; port 0 picks a free one) and hands out URLs under {@code
   * publicUrl}, or under the address it listens on when that is null.
   */
  public HttpCallbackServer(String bind, URI publicUrl) {
    try {
      server = HttpServer.create(address(bind), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for callbacks on " + bind, e);
    }
    server.setExecutor(executor);
    server.createContext(PATH, this::receive);
    server.start();
    InetSocketAddress at = server.getAddress();
    base =
        publicUrl != null
            ? publicUrl
            : URI.create("http://" + at.getHostString() + ":" + at.getPort());
  }

  @Override
  public Expected expect() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    String token = HexFormat.of().formatHex(bits);
    CompletableFuture<Callback> callback = new CompletableFuture<>();
    pending.put(token, callback);
    URI url = URI.create(base.toString().replaceAll("/+$", "") + PATH + token);
    return new Expected(url, callback, () -> pending.remove(token));
  }

  /** The base URL callbacks arrive under. */
  public URI base() {
    return base;
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String token = exchange.getRequestURI().getPath().substring(PATH.length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      CompletableFuture<Callback> callback =
          "POST".equals(exchange.getRequestMethod()) ? pending.remove(token) : null;
      if (callback == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(202, -1);
      callback.complete(new Callback(headers(exchange), body));
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return headers;
  }

  private static InetSocketAddress address(String bind) {
    int colon = bind.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("callbacks.bind must be host:port, not " + bind);
    }
    return new InetSocketAddress(
        bind.substring(0, colon), Integer.parseInt(bind.substring(colon + 1)));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
