package dev.mercury.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A platform's HTTP API served on 127.0.0.1 at a free port for one test. It records every request
 * and the most requests it ever handled at once, and answers what the test's handler says, after
 * the handler's delay.
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();
  private final Function<Request, Reply> handler;

  /** One request as the server saw it; header names in lower case. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** What to answer, after {@code delayMillis}. */
  public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
    }

    public static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/plain"), body, 0);
    }

    public Reply after(long millis) {
      return new Reply(status, headers, body, millis);
    }
  }

  public LoopbackServer(Function<Request, Reply> handler) {
    this.handler = handler;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return requests;
  }

  public Request last() {
    return requests.get(requests.size() - 1);
  }

  /** The most requests the server was handling at one moment. */
  public int mostAtOnce() {
    return most.get();
  }

  /**
   * Counts a request as in flight from its arrival until its answer starts, not until the exchange
   * closes: a client may send its next request as soon as it has an answer, before this thread has
   * closed the exchange.
   */
  private void handle(HttpExchange exchange) throws IOException {
    int now = current.incrementAndGet();
    most.accumulateAndGet(now, Math::max);
    boolean counted = true;
    try (exchange) {
      Request request = record(exchange);
      requests.add(request);
      Reply reply = handler.apply(request);
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      current.decrementAndGet();
      counted = false;
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body =
          reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (counted) {
        current.decrementAndGet();
      }
    }
  }

  private static Request record(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A loopback port with nothing listening, for refused connections. */
  public static URI refusingUrl() {
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
