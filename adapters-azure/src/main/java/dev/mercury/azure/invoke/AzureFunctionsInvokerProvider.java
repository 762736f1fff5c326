package dev.mercury.azure.invoke;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokerProvider;
import dev.mercury.port.Invoker;
import java.time.Clock;
import java.util.Map;

/**
 * The {@code azure-functions} platform: HTTP-triggered Azure Functions, one invoker a connection.
 */
public final class AzureFunctionsInvokerProvider implements InvokerProvider {
  public static final String PLATFORM = "azure-functions";

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
    return new AzureFunctionsInvoker(
        AzureFunctionsSettings.from(settings, System::getenv), Clock.systemUTC());
  }
}
