package dev.mercury.gcp.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.invoke.InvokerProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CloudFunctionsInvokerProviderTest {

  @Test
  void serviceLoader_findsTheGcpFunctionsPlatform() {
    assertThat(ServiceLoader.load(InvokerProvider.class).stream().map(p -> p.get().platform()))
        .contains("gcp-functions");
  }

  @Test
  void create_givesAnInvokerWithoutAskingForATokenYet() throws Exception {
    try (CloudFunctionsInvoker invoker =
        (CloudFunctionsInvoker)
            new CloudFunctionsInvokerProvider()
                .create(Map.of("url", "http://127.0.0.1:9/f", "keyFile", "/no/such/key.json"))) {
      assertThat(invoker).isNotNull();
    }
  }

  @Test
  void from_sourcesInOrder_keyJsonThenKeyFileThenMetadataThenDefault() {
    assertThat(source(Map.of("keyJson", "{}", "keyFile", "/k.json")))
        .isInstanceOf(IdTokens.Source.KeyJson.class);
    assertThat(source(Map.of("keyFile", "/k.json", "metadataUrl", "http://127.0.0.1:9")))
        .isEqualTo(new IdTokens.Source.KeyFile(Path.of("/k.json")));
    assertThat(source(Map.of("metadataUrl", "http://127.0.0.1:9")))
        .isEqualTo(new IdTokens.Source.MetadataServer(URI.create("http://127.0.0.1:9")));
    assertThat(source(Map.of())).isEqualTo(new IdTokens.Source.ApplicationDefault());
  }

  @Test
  void from_keyJson_isNeverPrinted() {
    CloudFunctionsSettings settings =
        CloudFunctionsSettings.from(Map.of("keyJson", "{\"private_key\": \"s3cret\"}"), n -> null);

    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @Test
  void from_timeouts_areReadInSeconds() {
    CloudFunctionsSettings settings =
        CloudFunctionsSettings.from(
            Map.of("timeoutSeconds", 30, "connectTimeoutSeconds", 1.5, "maxConcurrency", 3),
            n -> null);

    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.maxConcurrency()).isEqualTo(3);
  }

  @Test
  void from_urlOfWrongType_namesTheSetting() {
    assertThatThrownBy(() -> CloudFunctionsSettings.from(Map.of("url", 5), n -> null))
        .hasMessageContaining("'url'");
  }

  private static IdTokens.Source source(Map<String, Object> settings) {
    return CloudFunctionsSettings.from(settings, n -> null).tokens();
  }
}
