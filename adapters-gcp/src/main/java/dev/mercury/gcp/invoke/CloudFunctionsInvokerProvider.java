package dev.mercury.gcp.invoke;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokerProvider;
import dev.mercury.port.Invoker;
import java.util.Map;

/** The {@code gcp-functions} platform: Cloud Functions and Cloud Run, one invoker a connection. */
public final class CloudFunctionsInvokerProvider implements InvokerProvider {
  public static final String PLATFORM = "gcp-functions";

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public Invoker create(Connection connection) {
    return create(InvokerProvider.settingsOf(connection));
  }

  /** The invoker for settings read as a map, as tests give them. */
  public Invoker create(Map<String, Object> settings) {
    return new CloudFunctionsInvoker(CloudFunctionsSettings.from(settings, System::getenv));
  }
}
