package dev.mercury.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.transition.Arns;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** CreateActivity, DescribeActivity, DeleteActivity, ListActivities. */
final class ActivityActions {
  static final String KIND = "activity";
  private static final String PREFIX = Arns.activity("");

  private final ResourceStore resources;
  private final Tags tags;
  private final LongSupplier clock;

  ActivityActions(ResourceStore resources, Tags tags, LongSupplier clock) {
    this.resources = resources;
    this.tags = tags;
    this.clock = clock;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> actions) {
    actions.put("CreateActivity", this::create);
    actions.put("DescribeActivity", this::describe);
    actions.put("DeleteActivity", this::delete);
    actions.put("ListActivities", this::list);
  }

  /** Creating an activity that exists returns it, as AWS does: the call is idempotent. */
  private ObjectNode create(JsonNode request) {
    String name = Requests.name(request, "name", true);
    ObjectNode document = Json.object();
    document.put("name", name);
    Resource activity = new Resource(Arns.activity(name), KIND, clock.getAsLong(), document);
    if (!resources.create(activity)) {
      activity = resources.get(activity.arn());
    } else {
      tags.tag(activity.arn(), request.path("tags"));
    }
    ObjectNode response = Json.object();
    response.put("activityArn", activity.arn());
    response.put("creationDate", Requests.seconds(activity.createdMillis()));
    return response;
  }

  Resource existing(String arn) {
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    Resource activity = resources.get(arn);
    if (activity == null || !activity.kind().equals(KIND)) {
      throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }
    return activity;
  }

  private ObjectNode describe(JsonNode request) {
    return summary(existing(Requests.required(request, "activityArn")));
  }

  private static ObjectNode summary(Resource activity) {
    ObjectNode response = Json.object();
    response.put("activityArn", activity.arn());
    response.put("name", activity.document().path("name").asText());
    response.put("creationDate", Requests.seconds(activity.createdMillis()));
    return response;
  }

  /** Deleting leaves tasks already scheduled on the activity waiting, as AWS does. */
  private ObjectNode delete(JsonNode request) {
    String arn = Requests.required(request, "activityArn");
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidArn(arn);
    }
    resources.delete(arn);
    tags.forget(arn);
    return Json.object();
  }

  private ObjectNode list(JsonNode request) {
    return Requests.page(
        request, "activities", resources.list(KIND, PREFIX), ActivityActions::summary);
  }
}
