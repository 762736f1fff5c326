package dev.mercury.azure.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Access tokens from Microsoft Entra ID by the OAuth 2.0 client credentials grant: a POST of the
 * app's client id, client secret and scope to {@code {authority}/{tenant}/oauth2/v2.0/token}. One
 * token is kept until five minutes before it expires (or half its life, when that is shorter), and
 * one caller at a time fetches the next.
 */
final class EntraTokens {
  static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
  private static final Duration EARLY = Duration.ofMinutes(5);

  /** The longest one fetch may take, whatever the call's own budget. */
  static final Duration LONGEST_FETCH = Duration.ofSeconds(30);

  /** The app registration to ask for; the secret never leaves this object but in the request. */
  record Client(
      String authority, String tenant, String clientId, String clientSecret, String scope) {
    URI endpoint() {
      return URI.create(authority.replaceAll("/+$", "") + "/" + tenant + "/oauth2/v2.0/token");
    }

    @Override
    public String toString() {
      return "Client[tenant=%s, clientId=%s, scope=%s]".formatted(tenant, clientId, scope);
    }
  }

  /** The endpoint said no, or answered what is not a token; the message holds no secret. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private record Token(String value, Instant renewAt) {}

  private final Client client;
  private final HttpClient http;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile Token current;

  EntraTokens(Client client, HttpClient http, Clock clock) {
    this.client = client;
    this.http = http;
    this.clock = clock;
  }

  String scope() {
    return client.scope();
  }

  /**
   * A token valid for a while yet, fetched if needed within {@code timeout} (null: within {@link
   * #LONGEST_FETCH}); {@link HttpTimeoutException} when that is not enough.
   */
  String token(Duration timeout) throws IOException, InterruptedException {
    Token token = current;
    if (token != null && clock.instant().isBefore(token.renewAt())) {
      return token.value();
    }
    Duration limit =
        timeout == null || timeout.compareTo(LONGEST_FETCH) > 0 ? LONGEST_FETCH : timeout;
    if (!fetching.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new HttpTimeoutException("Another call's token request did not finish in time.");
    }
    try {
      token = current;
      if (token == null || !clock.instant().isBefore(token.renewAt())) {
        token = fetch(limit);
        current = token;
      }
      return token.value();
    } finally {
      fetching.unlock();
    }
  }

  private Token fetch(Duration timeout) throws IOException, InterruptedException {
    Instant asked = clock.instant();
    HttpRequest request =
        HttpRequest.newBuilder(client.endpoint())
            .POST(HttpRequest.BodyPublishers.ofString(form()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .timeout(timeout)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body = parse(response);
    if (response.statusCode() != 200) {
      throw new Refused(
          "HTTP "
              + response.statusCode()
              + " "
              + body.path("error").asText("")
              + ": "
              + body.path("error_description").asText(""));
    }
    String value = body.path("access_token").asText("");
    long lifetime = body.path("expires_in").asLong(0);
    if (value.isEmpty() || lifetime <= 0) {
      throw new Refused("The token endpoint's answer has no access_token and expires_in.");
    }
    Duration life = Duration.ofSeconds(lifetime);
    Duration early = life.dividedBy(2).compareTo(EARLY) < 0 ? life.dividedBy(2) : EARLY;
    return new Token(value, asked.plus(life).minus(early));
  }

  private String form() {
    return "grant_type=client_credentials"
        + "&client_id="
        + encode(client.clientId())
        + "&client_secret="
        + encode(client.clientSecret())
        + "&scope="
        + encode(client.scope());
  }

  private static JsonNode parse(HttpResponse<String> response) throws Refused {
    try {
      JsonNode body = Json.parse(response.body());
      if (body.isObject()) {
        return body;
      }
    } catch (JsonProcessingException e) {
      // Described below.
    }
    throw new Refused("HTTP " + response.statusCode() + " from the token endpoint, not JSON.");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
