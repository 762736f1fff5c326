package dev.mercury.invoke.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.invoke.Auth;
import dev.mercury.language.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a connection's credentials on a request. OAuth client-credentials tokens are fetched from
 * the token URL once and reused until shortly before they expire; a 401 from the API drops the
 * cached token, so the workflow's next Retry fetches a fresh one.
 */
public final class HttpAuth {
  /** Renew a token this long before it expires, so none expires on its way to the API. */
  private static final Duration EARLY = Duration.ofSeconds(30);

  private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(30);

  private final HttpTransport transport;
  private final Map<Auth.OAuthClientCredentials, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant renewAt) {}

  public HttpAuth(HttpTransport transport) {
    this.transport = transport;
  }

  /** The request with its credentials, once any token it needs is at hand. */
  public CompletableFuture<HttpRequest.Builder> apply(Auth auth, HttpRequest.Builder request) {
    switch (auth) {
      case Auth.None none -> {}
      case Auth.Basic basic -> request.header("Authorization", basic(basic));
      case Auth.ApiKey key -> request.header(key.header(), key.value().reveal());
      case Auth.Bearer bearer ->
          request.header("Authorization", "Bearer " + bearer.token().reveal());
      case Auth.OAuthClientCredentials oauth -> {
        return token(oauth).thenApply(token -> request.header("Authorization", "Bearer " + token));
      }
    }
    return CompletableFuture.completedFuture(request);
  }

  /** Forgets a token the API refused, so the next call fetches another. */
  public void refused(Auth auth) {
    if (auth instanceof Auth.OAuthClientCredentials oauth) {
      tokens.remove(oauth);
    }
  }

  public static String basic(Auth.Basic basic) {
    String pair = basic.username() + ":" + basic.password().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private CompletableFuture<String> token(Auth.OAuthClientCredentials oauth) {
    Token cached = tokens.get(oauth);
    if (cached != null && Instant.now().isBefore(cached.renewAt())) {
      return CompletableFuture.completedFuture(cached.value());
    }
    // RFC 6749 section 4.4.2: a form-encoded grant, the client authenticated with HTTP basic.
    String form = "grant_type=client_credentials";
    if (oauth.scope() != null) {
      form += "&scope=" + URLEncoder.encode(oauth.scope(), StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(oauth.tokenUrl())
            .timeout(TOKEN_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", basic(new Auth.Basic(oauth.clientId(), oauth.clientSecret())))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return transport.send(request, TOKEN_TIMEOUT).thenApply(response -> remember(oauth, response));
  }

  private String remember(Auth.OAuthClientCredentials oauth, HttpResponse<byte[]> response) {
    String where = HttpTransport.describe(oauth.tokenUrl());
    if (response.statusCode() / 100 != 2) {
      throw new AuthFailure(
          "The OAuth token endpoint " + where + " answered " + response.statusCode() + ".");
    }
    JsonNode body;
    try {
      body = Json.parse(new String(response.body(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AuthFailure("The OAuth token endpoint " + where + " did not answer JSON.");
    }
    JsonNode token = body.path("access_token");
    if (!token.isTextual()) {
      throw new AuthFailure(
          "The OAuth token endpoint " + where + " answered without an access_token.");
    }
    long lifetime = body.path("expires_in").asLong(3600);
    Instant renewAt = Instant.now().plusSeconds(lifetime).minus(EARLY);
    tokens.put(oauth, new Token(token.asText(), renewAt));
    return token.asText();
  }
}
