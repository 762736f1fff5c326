package dev.mercury.api;

import dev.mercury.port.StateMachineStore;
import dev.mercury.port.StateMachineStore.StoredStateMachine;

/** Resolves the ARN a StartExecution or a child execution names to what runs. */
final class Targets {
  private final StateMachineStore machines;

  Targets(StateMachineStore machines) {
    this.machines = machines;
  }

  Target resolve(String arn) {
    StoredStateMachine machine = existing(arn);
    return new Target(machine, machine.definition(), null, null);
  }

  /** The state machine at {@code arn}, or null. */
  StoredStateMachine machine(String arn) {
    return machines.get(arn);
  }

  StoredStateMachine existing(String arn) {
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    StoredStateMachine machine = machines.get(arn);
    if (machine == null) {
      throw new ApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }
}
