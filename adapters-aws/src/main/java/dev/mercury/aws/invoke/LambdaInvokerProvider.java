package dev.mercury.aws.invoke;

import dev.mercury.invoke.Connection;
import dev.mercury.invoke.InvokerProvider;
import dev.mercury.port.Invoker;
import java.util.Map;

/** The {@code aws-lambda} platform: a {@link LambdaInvoker} per connection. */
public final class LambdaInvokerProvider implements InvokerProvider {
  public static final String PLATFORM = "aws-lambda";

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
    return new LambdaInvoker(LambdaSettings.from(settings, System::getenv));
  }
}
