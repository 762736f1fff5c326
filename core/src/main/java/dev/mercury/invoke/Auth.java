package dev.mercury.invoke;

import java.net.URI;

/**
 * How a connection proves who is calling. The shapes follow the three kinds an EventBridge
 * connection offers an HTTP Task (API key, basic, OAuth client credentials); every secret is a
 * {@link Secret}, so printing an Auth shows no credential.
 */
public sealed interface Auth {

  /** No credentials. */
  record None() implements Auth {}

  /** HTTP basic authentication; OpenWhisk's API key {@code uuid:key} is one too. */
  record Basic(String username, Secret password) implements Auth {}

  /** A key sent in a header of the caller's choosing, e.g. {@code x-api-key}. */
  record ApiKey(String header, Secret value) implements Auth {}

  /** A bearer token sent as {@code Authorization: Bearer ...}. */
  record Bearer(Secret token) implements Auth {}

  /**
   * An OAuth 2.0 client credentials grant (RFC 6749 section 4.4): a token fetched from the token
   * URL with the client's id and secret, then sent as a bearer token until it expires.
   */
  record OAuthClientCredentials(URI tokenUrl, String clientId, Secret clientSecret, String scope)
      implements Auth {}

  Auth NONE = new None();
}
