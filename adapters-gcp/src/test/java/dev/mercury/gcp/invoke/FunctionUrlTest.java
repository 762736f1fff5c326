package dev.mercury.gcp.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.invoke.function.FunctionUrl;
import java.net.URI;
import org.junit.jupiter.api.Test;

class FunctionUrlTest {

  @Test
  void resolve_resourceIsAUrl_winsOverTheConnection() {
    assertThat(FunctionUrl.resolve("https://f-abc.a.run.app/x", "https://other.example/"))
        .isEqualTo(URI.create("https://f-abc.a.run.app/x"));
  }

  @Test
  void resolve_placeholder_takesTheResourcesLastPart() {
    assertThat(
            FunctionUrl.resolve(
                "gcp-functions:orders:process order",
                "https://europe-west1-p.cloudfunctions.net/{function}"))
        .isEqualTo(URI.create("https://europe-west1-p.cloudfunctions.net/process%20order"));
  }

  @Test
  void resolve_noPlaceholder_isTheConnectionsUrl() {
    assertThat(FunctionUrl.resolve("anything", "https://svc.a.run.app"))
        .isEqualTo(URI.create("https://svc.a.run.app"));
  }

  @Test
  void resolve_noUrlAtAll_isRejected() {
    assertThatThrownBy(() -> FunctionUrl.resolve("gcp:f", null)).hasMessageContaining("no url");
  }

  @Test
  void withoutQuery_dropsQueryAndFragment() {
    assertThat(FunctionUrl.withoutQuery(URI.create("https://h:8443/api/f?code=secret#x")))
        .isEqualTo("https://h:8443/api/f");
  }
}
