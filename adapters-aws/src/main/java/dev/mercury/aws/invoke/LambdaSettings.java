package dev.mercury.aws.invoke;

import dev.mercury.invoke.function.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One {@code aws-lambda} connection, read from its settings:
 *
 * <ul>
 *   <li>{@code region}: the region of functions named without an ARN, and the one requests are
 *       signed for; without it the SDK's default region chain decides.
 *   <li>{@code endpoint} (or {@code url}): sends every call to this endpoint instead of Lambda's
 *       own, for LocalStack or a test server.
 *   <li>{@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}, each either literal or
 *       as {@code ...Env}, the name of the environment variable that holds it; else {@code
 *       profile}, a profile of the shared AWS files; else the SDK's default credentials chain.
 *   <li>{@code timeoutSeconds}: the longest any call may take (a Task's own timeout may be
 *       shorter); none by default, as Lambda itself stops a function after 15 minutes.
 *   <li>{@code connectTimeoutSeconds}: for opening a connection, 10 by default.
 *   <li>{@code maxConcurrency}: calls in flight at once, 64 by default; more wait their turn.
 * </ul>
 */
record LambdaSettings(
    Region region,
    URI endpoint,
    AwsCredentialsProvider credentials,
    Duration timeout,
    Duration connectTimeout,
    int maxConcurrency) {

  /** Lambda's longest function timeout, plus a minute for the service's own work. */
  static final Duration LONGEST_CALL = Duration.ofMinutes(16);

  static LambdaSettings from(Map<String, Object> values, Function<String, String> environment) {
    Settings settings =
        new Settings(values, environment)
            .only(
                LambdaInvokerProvider.PLATFORM,
                "region",
                "endpoint",
                "url",
                "accessKeyId",
                "secretAccessKey",
                "sessionToken",
                "profile",
                "connectTimeoutSeconds");
    String region = settings.text("region");
    String endpoint = settings.text("endpoint", "url");
    return new LambdaSettings(
        region == null ? null : Region.of(region),
        endpoint == null ? null : URI.create(endpoint),
        credentials(settings),
        settings.seconds("timeoutSeconds", Duration.ZERO),
        settings.seconds("connectTimeoutSeconds", Duration.ofSeconds(10)),
        settings.count("maxConcurrency", 64));
  }

  /** Leaves the credentials out, whatever their provider prints. */
  @Override
  public String toString() {
    return "LambdaSettings[region=%s, endpoint=%s, timeout=%s, maxConcurrency=%d]"
        .formatted(region, endpoint, timeout, maxConcurrency);
  }

  /** How long a response may stay silent: the call's whole limit, which bounds it anyway. */
  Duration socketTimeout() {
    return timeout.isZero() ? LONGEST_CALL : timeout.plusSeconds(1);
  }

  private static AwsCredentialsProvider credentials(Settings settings) {
    String accessKeyId = settings.secret("accessKeyId");
    String secretAccessKey = settings.secret("secretAccessKey");
    if (accessKeyId != null || secretAccessKey != null) {
      if (accessKeyId == null || secretAccessKey == null) {
        throw new IllegalArgumentException(
            "Settings 'accessKeyId' and 'secretAccessKey' must be given together.");
      }
      String sessionToken = settings.secret("sessionToken");
      return StaticCredentialsProvider.create(
          sessionToken == null
              ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
              : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }
    String profile = settings.text("profile");
    if (profile != null) {
      return ProfileCredentialsProvider.create(profile);
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
