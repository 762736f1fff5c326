package dev.mercury.invoke;

import dev.mercury.port.Invoker;
import java.util.Map;

/** Makes the invoker of one platform from a connection's settings, found with ServiceLoader. */
public interface InvokerProvider {
  String platform();

  Invoker create(Map<String, Object> settings);
}
