package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's other resources (activities, versions and aliases, tags, map runs) in one index, one
 * document per ARN, so every API process of a fleet sees the same ones and a restart loses none.
 * Writes wait for a refresh, as the state machines' do, so a listing shows what was just created.
 */
final class ElasticsearchResourceStore implements ResourceStore {
  private static final int PAGE = 1_000;

  private final DocumentIndex documents;

  ElasticsearchResourceStore(ElasticsearchClient client, String index) {
    this.documents = new DocumentIndex(client, index, "resource");
  }

  @Override
  public boolean create(Resource resource) {
    return documents.create(resource.arn(), doc(resource));
  }

  @Override
  public Resource get(String arn) {
    ObjectNode doc = documents.get(arn);
    return doc == null ? null : resource(doc);
  }

  @Override
  public void put(Resource resource) {
    documents.put(resource.arn(), doc(resource));
  }

  @Override
  public boolean delete(String arn) {
    return documents.delete(arn);
  }

  /** Page by page in ARN order, so a kind with many resources is listed whole. */
  @Override
  public List<Resource> list(String kind, String arnPrefix) {
    List<Resource> found = new ArrayList<>();
    List<FieldValue> after = null;
    try {
      while (true) {
        List<FieldValue> from = after;
        var page =
            documents
                .client()
                .search(
                    s -> {
                      s.index(documents.name())
                          .query(
                              q ->
                                  q.bool(
                                      b ->
                                          b.filter(f -> f.term(t -> t.field("kind").value(kind)))
                                              .filter(
                                                  f ->
                                                      f.prefix(
                                                          p -> p.field("arn").value(arnPrefix)))))
                          .sort(o -> o.field(f -> f.field("arn").order(SortOrder.Asc)))
                          .size(PAGE);
                      return from == null ? s : s.searchAfter(from);
                    },
                    ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        for (Hit<ObjectNode> hit : hits) {
          found.add(resource(hit.source()));
        }
        if (hits.size() < PAGE) {
          return found;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("list resources", e);
    }
  }

  private static ObjectNode doc(Resource resource) {
    ObjectNode doc = Json.object();
    doc.put("arn", resource.arn());
    doc.put("kind", resource.kind());
    doc.put("createdMillis", resource.createdMillis());
    doc.set("document", resource.document());
    return doc;
  }

  private static Resource resource(ObjectNode doc) {
    return new Resource(
        doc.get("arn").asText(),
        doc.get("kind").asText(),
        doc.get("createdMillis").asLong(),
        (ObjectNode) doc.get("document"));
  }
}
