package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
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
  private final DocumentIndex documents;

  ElasticsearchStateMachineStore(ElasticsearchClient client, String index) {
    this.documents = new DocumentIndex(client, index, "state machine");
  }

  @Override
  public boolean create(StoredStateMachine machine) {
    return documents.create(machine.arn(), doc(machine));
  }

  @Override
  public StoredStateMachine get(String arn) {
    ObjectNode doc = documents.get(arn);
    return doc == null ? null : machine(doc);
  }

  @Override
  public void update(StoredStateMachine machine) {
    documents.put(machine.arn(), doc(machine));
  }

  @Override
  public boolean delete(String arn) {
    return documents.delete(arn);
  }

  @Override
  public List<StoredStateMachine> list() {
    try {
      var found =
          documents
              .client()
              .search(
                  s ->
                      s.index(documents.name())
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
