package dev.mercury.gcp.invoke;

import dev.mercury.invoke.function.FunctionUrl;
import dev.mercury.invoke.function.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code gcp-functions} connection, read from its settings:
 *
 * <ul>
 *   <li>{@code url} (or {@code endpoint}): the function's or service's URL; {@code {function}} in
 *       it stands for the name at the end of the Task's resource (see {@link FunctionUrl}).
 *   <li>{@code audience}: the ID token's audience when it is not the URL itself, such as a Cloud
 *       Run service's custom audience or its root URL when calling a path below it.
 *   <li>{@code keyJson} (or {@code keyJsonEnv}, the environment variable that holds it), or {@code
 *       keyFile}: a service account key; else {@code metadataUrl}: the metadata server to ask
 *       (normally {@code http://metadata.google.internal}); else Application Default Credentials.
 *   <li>{@code timeoutSeconds}: the longest any call may take, token included (a Task's own timeout
 *       may be shorter); none by default.
 *   <li>{@code connectTimeoutSeconds}: for opening a connection, 10 by default.
 *   <li>{@code maxConcurrency}: calls in flight at once, 64 by default; more wait their turn.
 *   <li>any text setting may be given as {@code NAMEEnv} instead, such as {@code urlEnv}: the
 *       environment variable that holds it.
 * </ul>
 */
record CloudFunctionsSettings(
    String url,
    String audience,
    IdTokens.Source tokens,
    Duration timeout,
    Duration connectTimeout,
    int maxConcurrency) {

  static CloudFunctionsSettings from(
      Map<String, Object> values, Function<String, String> environment) {
    Settings settings =
        new Settings(values, environment)
            .only(
                CloudFunctionsInvokerProvider.PLATFORM,
                "url",
                "endpoint",
                "audience",
                "keyJson",
                "keyFile",
                "metadataUrl",
                "connectTimeoutSeconds");
    return new CloudFunctionsSettings(
        settings.text("url", "endpoint"),
        settings.text("audience"),
        tokens(settings),
        settings.seconds("timeoutSeconds", Duration.ZERO),
        settings.seconds("connectTimeoutSeconds", Duration.ofSeconds(10)),
        settings.count("maxConcurrency", 64));
  }

  private static IdTokens.Source tokens(Settings settings) {
    String keyJson = settings.secret("keyJson");
    if (keyJson != null) {
      return new IdTokens.Source.KeyJson(keyJson);
    }
    String keyFile = settings.text("keyFile");
    if (keyFile != null) {
      return new IdTokens.Source.KeyFile(Path.of(keyFile));
    }
    String metadataUrl = settings.text("metadataUrl");
    if (metadataUrl != null) {
      return new IdTokens.Source.MetadataServer(URI.create(metadataUrl));
    }
    return new IdTokens.Source.ApplicationDefault();
  }
}
