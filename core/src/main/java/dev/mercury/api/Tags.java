package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.port.StateMachineStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * TagResource, UntagResource, ListTagsForResource, on state machines and activities, and the tags
 * CreateStateMachine and CreateActivity take. A resource's tags are one document beside it.
 */
final class Tags {
  private static final String KIND = "tags";
  private static final int MAX_TAGS = 50;

  private final ResourceStore resources;
  private final StateMachineStore machines;

  Tags(ResourceStore resources, StateMachineStore machines) {
    this.resources = resources;
    this.machines = machines;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("TagResource", this::tagResource);
    actions.put("UntagResource", this::untagResource);
    actions.put("ListTagsForResource", this::listTags);
  }

  private ObjectNode tagResource(JsonNode request) {
    String arn = taggable(request);
    tag(arn, request.path("tags"));
    return Json.object();
  }

  /** Adds {@code [{"key": ..., "value": ...}]} to the resource's tags, replacing equal keys. */
  void tag(String arn, JsonNode list) {
    if (list.isMissingNode() || list.isNull()) {
      return;
    }
    TreeMap<String, String> tags = read(arn);
    for (JsonNode tag : list) {
      String key = Requests.bounded(tag, "key", 1, 128, true);
      String value = Requests.bounded(tag, "value", 0, 256, false);
      tags.put(key, value == null ? "" : value);
    }
    if (tags.size() > MAX_TAGS) {
      throw new ApiException(
          "TooManyTags", "Too many tags: a resource can have at most " + MAX_TAGS + " tags");
    }
    write(arn, tags);
  }

  private ObjectNode untagResource(JsonNode request) {
    String arn = taggable(request);
    TreeMap<String, String> tags = read(arn);
    for (JsonNode key : request.path("tagKeys")) {
      tags.remove(key.asText());
    }
    write(arn, tags);
    return Json.object();
  }

  private ObjectNode listTags(JsonNode request) {
    String arn = taggable(request);
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("tags");
    read(arn).forEach((key, value) -> list.addObject().put("key", key).put("value", value));
    return response;
  }

  /** Drops the tags of a deleted resource. */
  void forget(String arn) {
    resources.delete(tagsArn(arn));
  }

  private String taggable(JsonNode request) {
    String arn = Requests.required(request, "resourceArn");
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    Resource resource = resources.get(arn);
    boolean exists =
        machines.get(arn) != null
            || (resource != null && resource.kind().equals(ActivityActions.KIND));
    if (!exists) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return arn;
  }

  private TreeMap<String, String> read(String arn) {
    TreeMap<String, String> tags = new TreeMap<>();
    Resource stored = resources.get(tagsArn(arn));
    if (stored != null) {
      stored.document().properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    }
    return tags;
  }

  private void write(String arn, TreeMap<String, String> tags) {
    ObjectNode document = Json.object();
    tags.forEach(document::put);
    resources.put(new Resource(tagsArn(arn), KIND, 0, document));
  }

  private static String tagsArn(String arn) {
    return "tags|" + arn;
  }
}
