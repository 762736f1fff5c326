package dev.mercury.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The API's other resources, each a JSON document under its ARN: activities, state machine versions
 * and aliases, tags, map runs, and what the API remembers about an execution beyond its checkpoint
 * (the version or alias that started it). A kind groups documents for listing.
 */
public interface ResourceStore {
  /** One stored document. */
  record Resource(String arn, String kind, long createdMillis, ObjectNode document) {}

  /** Stores a new resource; false when one with that ARN exists. */
  boolean create(Resource resource);

  /** The resource at {@code arn}, or null. */
  Resource get(String arn);

  /** Stores the resource, replacing one with the same ARN. */
  void put(Resource resource);

  boolean delete(String arn);

  /** Resources of a kind whose ARN starts with {@code arnPrefix}, ordered by ARN. */
  List<Resource> list(String kind, String arnPrefix);
}
