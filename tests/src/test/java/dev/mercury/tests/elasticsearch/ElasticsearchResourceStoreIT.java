package dev.mercury.tests.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.ResourceStore.Resource;
import dev.mercury.store.elasticsearch.ElasticsearchCheckpointStore;
import dev.mercury.store.elasticsearch.ElasticsearchOptions;
import dev.mercury.tests.support.ElasticsearchNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchNode.class)
class ElasticsearchResourceStoreIT {
  private final ElasticsearchOptions options =
      ElasticsearchOptions.defaults()
          .withPrefix("it-resources-" + UUID.randomUUID().toString().substring(0, 8) + "-")
          .withReplicas(0);
  private ElasticsearchCheckpointStore store;
  private ResourceStore resources;

  @BeforeEach
  void open() {
    store = ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options);
    resources = store.resources();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void create_thenGet_returnsTheDocument_andASecondCreateIsRefused() {
    Resource activity = resource("arn:aws:states:us-east-1:1:activity:pack", "activity", "{}");

    assertThat(resources.create(activity)).isTrue();
    assertThat(resources.create(activity)).isFalse();

    Resource got = resources.get(activity.arn());
    assertThat(got.kind()).isEqualTo("activity");
    assertThat(got.createdMillis()).isEqualTo(1_000);
    assertThat(resources.get("arn:aws:states:us-east-1:1:activity:missing")).isNull();
  }

  @Test
  void putAndDelete_replaceAndRemoveTheDocument() {
    String arn = "arn:aws:states:us-east-1:1:stateMachine:m";
    resources.put(resource(arn, "tags", "{\"team\": \"blue\"}"));
    resources.put(resource(arn, "tags", "{\"team\": \"green\", \"cost\": \"7\"}"));

    assertThat(Json.write(resources.get(arn).document()))
        .isEqualTo("{\"team\":\"green\",\"cost\":\"7\"}");
    assertThat(resources.delete(arn)).isTrue();
    assertThat(resources.delete(arn)).isFalse();
    assertThat(resources.get(arn)).isNull();
  }

  @Test
  void list_byKindAndArnPrefix_inArnOrder() {
    String machine = "arn:aws:states:us-east-1:1:stateMachine:orders";
    resources.create(resource(machine + ":2", "version", "{}"));
    resources.create(resource(machine + ":1", "version", "{}"));
    resources.create(resource(machine + "-other:1", "version", "{}"));
    resources.create(resource(machine + ":live", "alias", "{}"));

    assertThat(resources.list("version", machine + ":"))
        .extracting(Resource::arn)
        .containsExactly(machine + ":1", machine + ":2");
    assertThat(resources.list("alias", machine))
        .extracting(Resource::arn)
        .containsExactly(machine + ":live");
  }

  @Test
  void resources_outliveTheStoreThatWroteThem() {
    String arn = "arn:aws:states:us-east-1:1:activity:kept";
    resources.create(resource(arn, "activity", "{\"name\": \"kept\"}"));
    store.close();

    store = ElasticsearchCheckpointStore.open(ElasticsearchNode.url(), options);

    assertThat(store.resources().get(arn).document().get("name").asText()).isEqualTo("kept");
  }

  private static Resource resource(String arn, String kind, String json) {
    return new Resource(arn, kind, 1_000, (ObjectNode) Json.parseTrusted(json));
  }
}
