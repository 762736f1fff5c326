package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of one cluster. Opening waits for the cluster with growing pauses, saying once
 * each time what is wrong, so a worker started before Elasticsearch simply waits for it.
 */
final class ElasticsearchConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchConnection.class);
  private static final long MAX_PAUSE_MILLIS = 15_000;

  /** A request that may fail with an I/O error. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /** An action that may fail with an I/O error. */
  @FunctionalInterface
  interface Action {
    void run() throws IOException;
  }

  private final String url;
  private final RestClient rest;
  private final ElasticsearchClient client;

  private ElasticsearchConnection(String url, RestClient rest) {
    this.url = url;
    this.rest = rest;
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  static ElasticsearchConnection open(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Elasticsearch URL: " + url, e);
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new IllegalArgumentException(
          "not an Elasticsearch URL (expected http://host:port): " + url);
    }
    HttpHost host =
        new HttpHost(uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort(), uri.getScheme());
    RestClient rest =
        RestClient.builder(host)
            .setRequestConfigCallback(c -> c.setConnectTimeout(5_000).setSocketTimeout(30_000))
            // A worker handles dozens of transitions at once; the client's default of ten
            // connections per node would queue them.
            .setHttpClientConfigCallback(h -> h.setMaxConnPerRoute(128).setMaxConnTotal(256))
            .build();
    return new ElasticsearchConnection(url, rest);
  }

  ElasticsearchClient client() {
    return client;
  }

  /**
   * Runs {@code action} until it succeeds, pausing 0.5 s, 1 s, 2 s ... up to 15 s between tries
   * while the cluster cannot be reached or answers that it is not ready.
   */
  void retrying(String what, Action action) {
    long pause = 500;
    while (true) {
      try {
        action.run();
        return;
      } catch (ElasticsearchException | IOException e) {
        ElasticsearchStoreException failure = ElasticsearchCheckpointStore.failure(what, e);
        if (!failure.isTransient()) {
          throw failure;
        }
        LOG.warn("{} at {}; trying again in {} ms", failure.getMessage(), url, pause);
      }
      sleep(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
    }
  }

  /**
   * Runs {@code call}, trying again while the cluster cannot be reached or answers that it is busy
   * or not ready, with pauses growing from 0.1 s to 5 s, for at most {@code patienceMillis}; then
   * the last failure is thrown. Only for requests whose repetition does no harm: reads, searches
   * and writes by id of content that is the same at every try.
   */
  <T> T patiently(String what, Call<T> call, long patienceMillis) {
    long giveUp = System.nanoTime() + patienceMillis * 1_000_000;
    long pause = 100;
    boolean said = false;
    while (true) {
      try {
        T result = call.run();
        if (said) {
          LOG.info("Elasticsearch at {} answers again", url);
        }
        return result;
      } catch (ElasticsearchException | IOException e) {
        ElasticsearchStoreException failure = ElasticsearchCheckpointStore.failure(what, e);
        if (!failure.isTransient() || System.nanoTime() + pause * 1_000_000 > giveUp) {
          throw failure;
        }
        if (!said) {
          LOG.warn(
              "{} at {}; trying again for up to {} ms", failure.getMessage(), url, patienceMillis);
          said = true;
        }
      }
      sleep(pause);
      pause = Math.min(pause * 2, 5_000);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      LOG.warn("Closing the Elasticsearch client failed: {}", e.toString());
    }
  }
}
