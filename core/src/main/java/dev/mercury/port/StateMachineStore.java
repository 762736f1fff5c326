package dev.mercury.port;

import java.util.List;

/** Where state machine definitions live, by ARN. */
public interface StateMachineStore {
  /** A stored state machine, as DescribeStateMachine shows it. */
  record StoredStateMachine(
      String arn,
      String name,
      String definition,
      String roleArn,
      String type,
      long createdMillis) {}

  /** Stores a new state machine; false when one with that ARN exists. */
  boolean create(StoredStateMachine machine);

  StoredStateMachine get(String arn);

  void update(StoredStateMachine machine);

  boolean delete(String arn);

  /** All state machines, ordered by name. */
  List<StoredStateMachine> list();
}
