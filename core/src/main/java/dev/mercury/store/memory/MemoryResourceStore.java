package dev.mercury.store.memory;

import dev.mercury.port.ResourceStore;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** The API's other resources kept in memory. */
public final class MemoryResourceStore implements ResourceStore {
  private final ConcurrentSkipListMap<String, Resource> resources = new ConcurrentSkipListMap<>();

  @Override
  public boolean create(Resource resource) {
    return resources.putIfAbsent(resource.arn(), resource) == null;
  }

  @Override
  public Resource get(String arn) {
    return resources.get(arn);
  }

  @Override
  public void put(Resource resource) {
    resources.put(resource.arn(), resource);
  }

  @Override
  public boolean delete(String arn) {
    return resources.remove(arn) != null;
  }

  @Override
  public List<Resource> list(String kind, String arnPrefix) {
    return resources.tailMap(arnPrefix).values().stream()
        .takeWhile(r -> r.arn().startsWith(arnPrefix))
        .filter(r -> r.kind().equals(kind))
        .toList();
  }
}
