package dev.mercury.gcp.invoke;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google-signed ID tokens, one cached credential per audience, through Google's auth library: from
 * a service account key (which signs a JWT and trades it at the key's {@code token_uri}), from the
 * metadata server of the machine Mercury runs on, or from Application Default Credentials. The
 * library refreshes a token shortly before it expires.
 */
final class IdTokens {
  /** Where the source of tokens comes from; each is tried only when the ones above are absent. */
  sealed interface Source {
    record KeyJson(String json) implements Source {
      @Override
      public String toString() {
        return "KeyJson[redacted]";
      }
    }

    record KeyFile(Path path) implements Source {}

    /** The metadata server at {@code base} instead of {@code http://metadata.google.internal}. */
    record MetadataServer(URI base) implements Source {}

    record ApplicationDefault() implements Source {}
  }

  private final Source source;
  private final Map<String, IdTokenCredentials> byAudience = new ConcurrentHashMap<>();
  private volatile IdTokenProvider provider;

  IdTokens(Source source) {
    this.source = source;
  }

  /** A current ID token whose {@code aud} is {@code audience}; refreshes when needed. */
  String token(String audience) throws IOException {
    IdTokenCredentials credentials = byAudience.get(audience);
    if (credentials == null) {
      credentials =
          IdTokenCredentials.newBuilder()
              .setIdTokenProvider(provider())
              .setTargetAudience(audience)
              .setOptions(List.of(IdTokenProvider.Option.FORMAT_FULL))
              .build();
      IdTokenCredentials raced = byAudience.putIfAbsent(audience, credentials);
      credentials = raced == null ? credentials : raced;
    }
    credentials.refreshIfExpired();
    return credentials.getIdToken().getTokenValue();
  }

  /** Made on first use, so a misconfigured connection fails its first call, not start-up. */
  private IdTokenProvider provider() throws IOException {
    IdTokenProvider made = provider;
    if (made == null) {
      synchronized (this) {
        made = provider;
        if (made == null) {
          made = make();
          provider = made;
        }
      }
    }
    return made;
  }

  private IdTokenProvider make() throws IOException {
    return switch (source) {
      case Source.KeyJson key -> serviceAccount(key.json().getBytes(StandardCharsets.UTF_8));
      case Source.KeyFile file -> serviceAccount(Files.readAllBytes(file.path()));
      case Source.MetadataServer metadata ->
          ComputeEngineCredentials.newBuilder()
              .setHttpTransportFactory(redirectedTo(metadata.base()))
              .build();
      case Source.ApplicationDefault unused -> applicationDefault();
    };
  }

  private static IdTokenProvider serviceAccount(byte[] key) throws IOException {
    try (InputStream in = new ByteArrayInputStream(key)) {
      return ServiceAccountCredentials.fromStream(in, NetHttpTransport::new);
    }
  }

  private static IdTokenProvider applicationDefault() throws IOException {
    GoogleCredentials credentials = GoogleCredentials.getApplicationDefault();
    if (credentials instanceof IdTokenProvider provider) {
      return provider;
    }
    throw new IOException(
        "Application Default Credentials of type "
            + credentials.getClass().getSimpleName()
            + " cannot mint ID tokens; give the connection a keyFile or keyJson.");
  }

  /**
   * The library finds the metadata server only through an environment variable, so requests to its
   * usual address are sent to {@code base} by the transport instead.
   */
  private static HttpTransportFactory redirectedTo(URI base) {
    String usual = ComputeEngineCredentials.getMetadataServerUrl();
    String target = base.toString().replaceAll("/+$", "");
    return () ->
        new NetHttpTransport.Builder()
            .setConnectionFactory(
                url -> {
                  String text = url.toString();
                  URL actual =
                      text.startsWith(usual)
                          ? URI.create(target + text.substring(usual.length())).toURL()
                          : url;
                  return (HttpURLConnection) actual.openConnection();
                })
            .build();
  }
}
