package dev.mercury.azure.invoke;

import dev.mercury.invoke.function.FunctionUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a call proves it may run the function. */
sealed interface FunctionAuth {

  /** An anonymous HTTP trigger. */
  record None() implements FunctionAuth {}

  /**
   * A function or host key, sent as the {@code x-functions-key} header, or as the {@code code}
   * query parameter when {@code inQuery} (some proxies strip unknown headers).
   */
  record Key(String key, boolean inQuery) implements FunctionAuth {
    static final String HEADER = "x-functions-key";

    URI target(URI url) {
      if (!inQuery) {
        return url;
      }
      String code = "code=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
      String query = url.getRawQuery() == null ? code : url.getRawQuery() + "&" + code;
      String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
      return URI.create(FunctionUrl.withoutQuery(url) + "?" + query + fragment);
    }

    @Override
    public String toString() {
      return "Key[redacted, inQuery=" + inQuery + "]";
    }
  }

  /** A bearer token from Microsoft Entra ID, for an app behind App Service authentication. */
  record Entra(EntraTokens.Client client) implements FunctionAuth {}
}
