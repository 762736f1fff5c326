package dev.mercury.api;

import dev.mercury.port.StateMachineStore.StoredStateMachine;

/**
 * What a StartExecution names, resolved: the state machine, the definition to run (the latest
 * revision, or a version's), and the version and alias ARNs when the request went through them.
 */
record Target(StoredStateMachine machine, String definition, String versionArn, String aliasArn) {
  String stateMachineArn() {
    return machine.arn();
  }

  boolean isExpress() {
    return "EXPRESS".equals(machine.type());
  }
}
