package dev.mercury.invoke;

import dev.mercury.port.Invoker;

/**
 * Supplies the invoker for one platform. Modules outside the core (the AWS Lambda invoker in
 * adapters-aws, the Azure and Google ones) register theirs in {@code
 * META-INF/services/dev.mercury.invoke.InvokerProvider}; the {@link Router} finds them with {@link
 * java.util.ServiceLoader} and asks for one invoker per connection.
 */
public interface InvokerProvider {
  /** The platform name a connection's {@code "platform"} field uses, e.g. {@code aws-lambda}. */
  String platform();

  /**
   * An invoker for calls through {@code connection}. The router bounds its concurrency and turns a
   * future that completes exceptionally into a task failure, so an invoker need do neither.
   */
  Invoker create(Connection connection);

  /** A connection's settings as plain Java values, for providers that read them as a map. */
  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> settingsOf(Connection connection) {
    return connection.settings() == null
        ? java.util.Map.of()
        : dev.mercury.language.json.Json.MAPPER.convertValue(
            connection.settings(), java.util.Map.class);
  }
}
