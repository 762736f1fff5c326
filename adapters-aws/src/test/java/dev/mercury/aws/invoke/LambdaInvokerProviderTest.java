package dev.mercury.aws.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.invoke.InvokerProvider;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

class LambdaInvokerProviderTest {

  @Test
  void serviceLoader_findsTheAwsLambdaPlatform() {
    assertThat(ServiceLoader.load(InvokerProvider.class).stream().map(p -> p.get().platform()))
        .contains("aws-lambda");
  }

  @Test
  void create_withSettings_givesALambdaInvoker() throws Exception {
    Map<String, Object> settings =
        Map.of(
            "region", "us-east-1",
            "endpoint", "http://127.0.0.1:9",
            "accessKeyId", "AKID",
            "secretAccessKey", "secret");

    try (LambdaInvoker invoker = (LambdaInvoker) new LambdaInvokerProvider().create(settings)) {
      assertThat(invoker).isNotNull();
    }
  }

  @Test
  void from_credentialsInEnvironmentVariables_readsThem() {
    Map<String, String> environment =
        Map.of("MY_KEY", "AKIDENV", "MY_SECRET", "secret-env", "MY_TOKEN", "token-env");
    Map<String, Object> values =
        Map.of(
            "accessKeyIdEnv", "MY_KEY",
            "secretAccessKeyEnv", "MY_SECRET",
            "sessionTokenEnv", "MY_TOKEN",
            "region", "eu-central-1",
            "timeoutSeconds", 2.5,
            "maxConcurrency", "8");

    LambdaSettings settings = LambdaSettings.from(values, environment::get);

    AwsCredentials credentials = settings.credentials().resolveCredentials();
    assertThat(credentials.accessKeyId()).isEqualTo("AKIDENV");
    assertThat(credentials.secretAccessKey()).isEqualTo("secret-env");
    assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token-env");
    assertThat(settings.region()).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.maxConcurrency()).isEqualTo(8);
    assertThat(settings.toString()).doesNotContain("secret-env").doesNotContain("AKIDENV");
  }

  @Test
  void from_emptyEnvironmentVariable_namesTheVariableNotAValue() {
    Map<String, Object> values = Map.of("accessKeyId", "AKID", "secretAccessKeyEnv", "MISSING");

    assertThatThrownBy(() -> LambdaSettings.from(values, name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MISSING");
  }

  @Test
  void from_keyWithoutSecret_isRejected() {
    assertThatThrownBy(() -> LambdaSettings.from(Map.of("accessKeyId", "AKID"), name -> null))
        .hasMessageContaining("together");
  }

  @Test
  void from_badNumbers_nameTheSetting() {
    assertThatThrownBy(() -> LambdaSettings.from(Map.of("maxConcurrency", 0), name -> null))
        .hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> LambdaSettings.from(Map.of("timeoutSeconds", "soon"), name -> null))
        .hasMessageContaining("timeoutSeconds");
  }
}
