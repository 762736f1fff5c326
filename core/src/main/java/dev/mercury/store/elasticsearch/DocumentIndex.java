package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One index of JSON documents under their ARNs, for the API's definitions and resources. Writes
 * wait for a refresh, so a listing shows what was just created; {@code what} names the documents in
 * error messages.
 */
final class DocumentIndex {
  private final ElasticsearchClient client;
  private final String index;
  private final String what;

  DocumentIndex(ElasticsearchClient client, String index, String what) {
    this.client = client;
    this.index = index;
    this.what = what;
  }

  ElasticsearchClient client() {
    return client;
  }

  String name() {
    return index;
  }

  /** Stores a new document; false when one with that id exists. */
  boolean create(String id, ObjectNode doc) {
    try {
      client.create(c -> c.index(index).id(id).document(doc).refresh(Refresh.WaitFor));
      return true;
    } catch (ElasticsearchException | IOException e) {
      if (ElasticsearchCheckpointStore.status(e) == 409) {
        return false;
      }
      throw ElasticsearchCheckpointStore.failure("store a " + what, e);
    }
  }

  /** The document, or null. */
  ObjectNode get(String id) {
    try {
      GetResponse<ObjectNode> got = client.get(g -> g.index(index).id(id), ObjectNode.class);
      return got.found() ? got.source() : null;
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("read a " + what, e);
    }
  }

  /** Stores the document, replacing one with the same id. */
  void put(String id, ObjectNode doc) {
    try {
      client.index(i -> i.index(index).id(id).document(doc).refresh(Refresh.WaitFor));
    } catch (ElasticsearchException | IOException e) {
      throw ElasticsearchCheckpointStore.failure("store a " + what, e);
    }
  }

  boolean delete(String id) {
    try {
      return client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor)).result()
          == Result.Deleted;
    } catch (ElasticsearchException | IOException e) {
      if (ElasticsearchCheckpointStore.status(e) == 404) {
        return false;
      }
      throw ElasticsearchCheckpointStore.failure("delete a " + what, e);
    }
  }
}
