package dev.mercury.azure.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.invoke.InvokerProvider;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AzureFunctionsInvokerProviderTest {

  @Test
  void serviceLoader_findsTheAzureFunctionsPlatform() {
    assertThat(ServiceLoader.load(InvokerProvider.class).stream().map(p -> p.get().platform()))
        .contains("azure-functions");
  }

  @Test
  void create_withAKey_givesAnInvoker() throws Exception {
    try (AzureFunctionsInvoker invoker =
        (AzureFunctionsInvoker)
            new AzureFunctionsInvokerProvider()
                .create(Map.of("url", "http://127.0.0.1:9/api/f", "functionKey", "k"))) {
      assertThat(invoker).isNotNull();
    }
  }

  @Test
  void from_entraWithoutSecret_namesTheMissingSetting() {
    Map<String, Object> settings = Map.of("clientId", "c", "tenantId", "t", "scope", "s");

    assertThatThrownBy(() -> AzureFunctionsSettings.from(settings, n -> null))
        .hasMessageContaining("'clientSecret'");
  }

  @Test
  void from_entra_defaultsToMicrosoftsAuthority() {
    Map<String, Object> settings =
        Map.of("clientId", "c", "tenantId", "t", "clientSecretEnv", "SECRET", "scope", "s");

    AzureFunctionsSettings read = AzureFunctionsSettings.from(settings, n -> "from-env");

    FunctionAuth.Entra entra = (FunctionAuth.Entra) read.auth();
    assertThat(entra.client().endpoint())
        .isEqualTo(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/token"));
    assertThat(entra.client().clientSecret()).isEqualTo("from-env");
    assertThat(read.toString()).doesNotContain("from-env");
  }

  @Test
  void from_keyInElsewhere_isRejected() {
    assertThatThrownBy(
            () ->
                AzureFunctionsSettings.from(Map.of("functionKey", "k", "keyIn", "body"), n -> null))
        .hasMessageContaining("keyIn");
  }

  @Test
  void from_misspeltKeySetting_isRefusedInsteadOfCallingAnonymously() {
    Map<String, Object> settings = Map.of("url", "http://h/api/f", "functionkeyEnv", "KEY");

    assertThatThrownBy(() -> AzureFunctionsSettings.from(settings, n -> "k"))
        .hasMessageContaining("'functionkeyEnv'")
        .hasMessageContaining("functionKey");
  }

  @Test
  void from_urlFromEnvironment_isRead() {
    Map<String, Object> settings = Map.of("urlEnv", "RESERVE_URL", "functionKey", "k");

    AzureFunctionsSettings read =
        AzureFunctionsSettings.from(
            settings, n -> n.equals("RESERVE_URL") ? "http://h/api/f" : null);

    assertThat(read.url()).isEqualTo("http://h/api/f");
  }

  @Test
  void from_functionKey_isNeverPrinted() {
    AzureFunctionsSettings read =
        AzureFunctionsSettings.from(Map.of("functionKey", "hidden-key"), n -> null);

    assertThat(read.toString()).doesNotContain("hidden-key");
  }

  @Test
  void keyTarget_addsCodeToAnExistingQuery() {
    FunctionAuth.Key key = new FunctionAuth.Key("a+b/c", true);

    assertThat(key.target(URI.create("https://app.azurewebsites.net/api/f?x=1")))
        .isEqualTo(URI.create("https://app.azurewebsites.net/api/f?x=1&code=a%2Bb%2Fc"));
  }
}
