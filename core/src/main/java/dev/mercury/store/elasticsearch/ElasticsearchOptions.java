package dev.mercury.store.elasticsearch;

/**
 * How the Elasticsearch store names and shapes its indices.
 *
 * @param prefix the start of every index and template name, so several Mercury installations (or
 *     test runs) can share a cluster
 * @param replicas replicas per shard; 0 suits a single node, 1 or more a cluster
 * @param timerLeaseMillis how long a claimed timer stays with its claimer before another worker may
 *     fire it again; see {@link dev.mercury.port.CheckpointStore#timersFired}
 */
public record ElasticsearchOptions(String prefix, int replicas, long timerLeaseMillis) {
  public static final String DEFAULT_PREFIX = "mercury-";

  public ElasticsearchOptions {
    if (prefix == null || !prefix.equals(prefix.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(
          "an Elasticsearch index prefix must be lower case, got " + prefix);
    }
  }

  public static ElasticsearchOptions defaults() {
    return new ElasticsearchOptions(DEFAULT_PREFIX, 1, 30_000);
  }

  public ElasticsearchOptions withPrefix(String newPrefix) {
    return new ElasticsearchOptions(newPrefix, replicas, timerLeaseMillis);
  }

  public ElasticsearchOptions withReplicas(int newReplicas) {
    return new ElasticsearchOptions(prefix, newReplicas, timerLeaseMillis);
  }

  public ElasticsearchOptions withTimerLeaseMillis(long lease) {
    return new ElasticsearchOptions(prefix, replicas, lease);
  }

  String executions() {
    return prefix + "executions";
  }

  String history() {
    return prefix + "history";
  }

  String timers() {
    return prefix + "timers";
  }

  String stateMachines() {
    return prefix + "state-machines";
  }

  String resources() {
    return prefix + "resources";
  }
}
