package dev.mercury.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * The store's index templates and indices, put in place at start. Templates carry the mappings, so
 * an index deleted by an operator comes back with the right shape when Mercury next writes to it.
 *
 * <p>The checkpoint travels as Protocol Buffers bytes in a binary field; next to it are the fields
 * people query (ARNs, name, status, times, and input and output as analysed text). Pending events
 * and the history's details are kept in the source only ({@code enabled: false}): they are read
 * back, never searched.
 */
final class Indices {
  private Indices() {}

  static void create(ElasticsearchClient client, ElasticsearchOptions options) throws IOException {
    List<String> all =
        List.of(
            options.executions(),
            options.history(),
            options.timers(),
            options.stateMachines(),
            options.resources());
    // A template shapes only indices created after it, so once all of them exist there is nothing
    // to put: a function host's cold start then costs one request here instead of ten.
    if (client.indices().exists(e -> e.index(all)).value()) {
      return;
    }
    put(client, options, options.executions(), executionMappings(), "1s");
    put(client, options, options.history(), historyMappings(), "1s");
    put(client, options, options.timers(), timerMappings(), "1s");
    put(client, options, options.stateMachines(), stateMachineMappings(), "1s");
    put(client, options, options.resources(), resourceMappings(), "1s");
  }

  private static void put(
      ElasticsearchClient client,
      ElasticsearchOptions options,
      String index,
      ObjectNode properties,
      String refreshInterval)
      throws IOException {
    ObjectNode body = Json.object();
    ObjectNode template = body.putObject("template");
    ObjectNode settings = template.putObject("settings");
    settings.put("number_of_shards", 1);
    settings.put("number_of_replicas", options.replicas());
    settings.put("refresh_interval", refreshInterval);
    ObjectNode mappings = template.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.set("properties", properties);
    body.put("priority", 500);
    client
        .indices()
        .putIndexTemplate(
            PutIndexTemplateRequest.of(
                b ->
                    b.withJson(new StringReader(Json.write(body)))
                        .name(index)
                        .indexPatterns(List.of(index))));
    createIndex(client, index);
  }

  private static void createIndex(ElasticsearchClient client, String index) throws IOException {
    if (client.indices().exists(e -> e.index(index)).value()) {
      return;
    }
    try {
      client.indices().create(c -> c.index(index));
    } catch (ElasticsearchException e) {
      // Another worker starting at the same moment created it first.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  private static ObjectNode executionMappings() {
    ObjectNode p = Json.object();
    keyword(p, "arn", "stateMachineArn", "name", "status", "error");
    date(p, "startMillis", "stopMillis", "updatedMillis");
    number(p, "version", "lastEventId");
    p.putObject("hasWork").put("type", "boolean");
    text(p, "input", "output", "cause");
    p.putObject("checkpoint").put("type", "binary");
    p.putObject("pendingEvents").put("type", "object").put("enabled", false);
    return p;
  }

  private static ObjectNode historyMappings() {
    ObjectNode p = Json.object();
    keyword(p, "arn", "type");
    number(p, "id", "previousEventId");
    date(p, "timestampMillis");
    p.putObject("details").put("type", "object").put("enabled", false);
    return p;
  }

  private static ObjectNode timerMappings() {
    ObjectNode p = Json.object();
    keyword(p, "arn");
    date(p, "dueMillis");
    p.putObject("message").put("type", "binary");
    return p;
  }

  private static ObjectNode stateMachineMappings() {
    ObjectNode p = Json.object();
    keyword(p, "arn", "name", "roleArn", "type");
    date(p, "createdMillis");
    p.putObject("definition").put("type", "text").put("index", false);
    return p;
  }

  private static ObjectNode resourceMappings() {
    ObjectNode p = Json.object();
    keyword(p, "arn", "kind");
    date(p, "createdMillis");
    p.putObject("document").put("type", "object").put("enabled", false);
    return p;
  }

  private static void keyword(ObjectNode properties, String... names) {
    for (String name : names) {
      properties.putObject(name).put("type", "keyword");
    }
  }

  private static void text(ObjectNode properties, String... names) {
    for (String name : names) {
      properties.putObject(name).put("type", "text");
    }
  }

  private static void number(ObjectNode properties, String... names) {
    for (String name : names) {
      properties.putObject(name).put("type", "long");
    }
  }

  private static void date(ObjectNode properties, String... names) {
    for (String name : names) {
      properties.putObject(name).put("type", "date").put("format", "epoch_millis");
    }
  }
}
