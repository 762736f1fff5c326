/**
 * Pieces the function-platform invokers in the adapter modules share: reading a connection's
 * settings, the time budget of one call, a function's URL and the mapping of its reply.
 */
package dev.mercury.invoke.function;
