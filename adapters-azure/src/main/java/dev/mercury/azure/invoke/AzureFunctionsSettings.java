package dev.mercury.azure.invoke;

import dev.mercury.invoke.function.FunctionUrl;
import dev.mercury.invoke.function.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code azure-functions} connection, read from its settings:
 *
 * <ul>
 *   <li>{@code url} (or {@code endpoint}): the HTTP trigger's URL, such as {@code
 *       https://APP.azurewebsites.net/api/{function}}; {@code {function}} stands for the name at
 *       the end of the Task's resource (see {@link FunctionUrl}).
 *   <li>{@code functionKey} (or {@code functionKeyEnv}, the environment variable that holds it): a
 *       function or host key, sent as {@code x-functions-key}, or as the {@code code} query
 *       parameter when {@code keyIn} is {@code query}.
 *   <li>else {@code tenantId}, {@code clientId}, {@code clientSecret} (or {@code clientSecretEnv})
 *       and {@code scope} (such as {@code api://APP-ID/.default}): a Microsoft Entra app whose
 *       client-credentials token goes out as {@code Authorization: Bearer}; {@code authority}
 *       replaces {@code https://login.microsoftonline.com} (a sovereign cloud, or a test).
 *   <li>neither: the trigger is anonymous.
 *   <li>{@code timeoutSeconds}, {@code connectTimeoutSeconds} (10) and {@code maxConcurrency} (64),
 *       as for every invoker.
 *   <li>any text setting may be given as {@code NAMEEnv} instead, such as {@code urlEnv}: the
 *       environment variable that holds it.
 * </ul>
 */
record AzureFunctionsSettings(
    String url, FunctionAuth auth, Duration timeout, Duration connectTimeout, int maxConcurrency) {

  static AzureFunctionsSettings from(
      Map<String, Object> values, Function<String, String> environment) {
    Settings settings =
        new Settings(values, environment)
            .only(
                AzureFunctionsInvokerProvider.PLATFORM,
                "url",
                "endpoint",
                "functionKey",
                "keyIn",
                "tenantId",
                "clientId",
                "clientSecret",
                "scope",
                "authority",
                "connectTimeoutSeconds");
    return new AzureFunctionsSettings(
        settings.text("url", "endpoint"),
        auth(settings),
        settings.seconds("timeoutSeconds", Duration.ZERO),
        settings.seconds("connectTimeoutSeconds", Duration.ofSeconds(10)),
        settings.count("maxConcurrency", 64));
  }

  private static FunctionAuth auth(Settings settings) {
    String key = settings.secret("functionKey");
    if (key != null) {
      String keyIn = settings.text("keyIn");
      if (keyIn != null && !keyIn.equals("header") && !keyIn.equals("query")) {
        throw new IllegalArgumentException("Setting 'keyIn' must be 'header' or 'query'.");
      }
      return new FunctionAuth.Key(key, "query".equals(keyIn));
    }
    String clientId = settings.text("clientId");
    if (clientId == null) {
      return new FunctionAuth.None();
    }
    String authority = settings.text("authority");
    return new FunctionAuth.Entra(
        new EntraTokens.Client(
            authority == null ? EntraTokens.DEFAULT_AUTHORITY : authority,
            required(settings.text("tenantId"), "tenantId"),
            clientId,
            required(settings.secret("clientSecret"), "clientSecret"),
            required(settings.text("scope"), "scope")));
  }

  private static String required(String value, String key) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Setting '"
              + key
              + "' is required with 'clientId' (Microsoft Entra client credentials).");
    }
    return value;
  }
}
