package dev.mercury.store.memory;

import dev.mercury.port.StateMachineStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** State machines kept in memory. */
public final class MemoryStateMachineStore implements StateMachineStore {
  private final Map<String, StoredStateMachine> machines = new ConcurrentHashMap<>();

  @Override
  public boolean create(StoredStateMachine machine) {
    return machines.putIfAbsent(machine.arn(), machine) == null;
  }

  @Override
  public StoredStateMachine get(String arn) {
    return machines.get(arn);
  }

  @Override
  public void update(StoredStateMachine machine) {
    machines.put(machine.arn(), machine);
  }

  @Override
  public boolean delete(String arn) {
    return machines.remove(arn) != null;
  }

  @Override
  public List<StoredStateMachine> list() {
    return machines.values().stream()
        .sorted(Comparator.comparing(StoredStateMachine::name))
        .toList();
  }
}
