package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.StateMachineStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * State machine definitions in one index, one document per ARN. Writes wait for a refresh so that
 * ListStateMachines shows a machine as soon as CreateStateMachine has answered.
 */
final class ElasticsearchStateMachineStore implements StateMachineStore {
  private final ElasticsearchClient client;
  private final String index;

  ElasticsearchStateMachineStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public boolean create(StoredStateMachine machine) {
    try {
      client.create(
          c -> c.index(index).id(machine.arn()).document(doc(machine)).refresh(Refresh.WaitFor));
      return true;
    } catch (ElasticsearchException | IOException e) {
      if (ElasticsearchCheckpointStore.status(e) == 409) {
        return false;
      }
      throw ElasticsearchCheckpointStore.failure("store a state machine", e);
    }
  }

  @Override
  public StoredStateMachine get(String arn) {
    try {
      GetResponse<ObjectNode> got = client.get(g -> g.index(index).id(arn), ObjectNode.class);
      return got.found() ? machine(got.source()) : null;
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("read a state machine", e);
    }
  }

  @Override
  public void update(StoredStateMachine machine) {
    try {
      client.index(
          i -> i.index(index).id(machine.arn()).document(doc(machine)).refresh(Refresh.WaitFor));
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("update a state machine", e);
    }
  }

  @Override
  public boolean delete(String arn) {
    try {
      return client.delete(d -> d.index(index).id(arn).refresh(Refresh.WaitFor)).result()
          == co.elastic.clients.elasticsearch._types.Result.Deleted;
    } catch (ElasticsearchException | IOException e) {
      if (ElasticsearchCheckpointStore.status(e) == 404) {
        return false;
      }
      throw ElasticsearchCheckpointStore.failure("delete a state machine", e);
    }
  }

  @Override
  public List<StoredStateMachine> list() {
    try {
      var found =
          client.search(
              s ->
                  s.index(index)
                      .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc)))
                      .size(10_000),
              ObjectNode.class);
      List<StoredStateMachine> machines = new ArrayList<>();
      for (Hit<ObjectNode> hit : found.hits().hits()) {
        machines.add(machine(hit.source()));
      }
      return machines;
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("list state machines", e);
    }
  }

  private static ObjectNode doc(StoredStateMachine machine) {
    ObjectNode doc = Json.object();
    doc.put("arn", machine.arn());
    doc.put("name", machine.name());
    doc.put("definition", machine.definition());
    doc.put("roleArn", machine.roleArn());
    doc.put("type", machine.type());
    doc.put("createdMillis", machine.createdMillis());
    return doc;
  }

  private static StoredStateMachine machine(ObjectNode doc) {
    return new StoredStateMachine(
        doc.get("arn").asText(),
        doc.get("name").asText(),
        doc.get("definition").asText(),
        doc.get("roleArn").asText(),
        doc.get("type").asText(),
        doc.get("createdMillis").asLong());
  }
}
