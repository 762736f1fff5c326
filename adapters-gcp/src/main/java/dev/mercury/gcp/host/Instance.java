package dev.mercury.gcp.host;

import dev.mercury.host.Orchestrator;

/**
 * The one orchestrator of a function instance, made when the class loads and connected on the first
 * request, so requests after the first reuse its connections.
 */
final class Instance {
  static final Orchestrator ORCHESTRATOR = Orchestrator.fromEnvironment();

  private Instance() {}
}
