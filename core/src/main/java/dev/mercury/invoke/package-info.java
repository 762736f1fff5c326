/**
 * The API proxy: how a Task state's {@code Resource} becomes a call on some platform.
 *
 * <p>{@link dev.mercury.invoke.Router} is the one {@link dev.mercury.port.Invoker} the engine sees.
 * It reads the resource scheme ({@code mercury:function:NAME}, {@code
 * arn:aws:states:::http:invoke}, Lambda ARNs), finds the {@link dev.mercury.invoke.Connection} from
 * the config file's {@code connections}, and hands the call to that platform's invoker: the
 * built-in ones in the subpackages {@code http}, {@code openfaas}, {@code knative}, {@code
 * openwhisk} and {@code process}, or one an {@link dev.mercury.invoke.InvokerProvider} registers
 * through {@link java.util.ServiceLoader} (AWS Lambda, Azure, Google). Machinery no other module
 * should use (the shared HTTP client, auth, reply mapping) lives in {@code internal}.
 *
 * <p>Known shortcomings, each with what happens instead:
 *
 * <ul>
 *   <li>The config file is JSON only; a YAML file is refused as invalid JSON.
 *   <li>OpenWhisk has no idempotency key, so a repeated delivery of one attempt runs the action
 *       again.
 *   <li>The HTTP Task's {@code StatusText} is the standard reason phrase for the status, since the
 *       JDK's client does not expose the one the server sent.
 *   <li>When a Task's TimeoutSeconds fires first in the transition, the call in flight is not
 *       cancelled; it runs to its own timeout and its late result is ignored.
 *   <li>An OpenFaaS asynchronous call waits in this process for its callback, so a restart loses
 *       the wait and the task is left to the sweeper's timeout; the callback URL must be one the
 *       queue worker can reach ({@code callbacks.url} in the config file).
 *   <li>{@code .waitForTaskToken} and {@code .sync} patterns are not routed: such resources fail
 *       with {@code Mercury.NoInvoker}.
 * </ul>
 */
package dev.mercury.invoke;
