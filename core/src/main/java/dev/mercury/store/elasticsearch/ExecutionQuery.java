package dev.mercury.store.elasticsearch;

/**
 * What {@link ElasticsearchCheckpointStore#search} looks for; every field left null matches all.
 *
 * @param text words to find in the execution's input or output JSON (Elasticsearch's standard
 *     analyzer: case-insensitive, whole words)
 * @param startedFromMillis inclusive lower bound of the start time
 * @param startedToMillis exclusive upper bound of the start time
 */
public record ExecutionQuery(
    String stateMachineArn,
    String status,
    Long startedFromMillis,
    Long startedToMillis,
    String namePrefix,
    String text,
    int limit) {

  public static ExecutionQuery all() {
    return new ExecutionQuery(null, null, null, null, null, null, 100);
  }

  public ExecutionQuery stateMachine(String arn) {
    return new ExecutionQuery(
        arn, status, startedFromMillis, startedToMillis, namePrefix, text, limit);
  }

  public ExecutionQuery withStatus(String newStatus) {
    return new ExecutionQuery(
        stateMachineArn, newStatus, startedFromMillis, startedToMillis, namePrefix, text, limit);
  }

  public ExecutionQuery startedBetween(Long fromMillis, Long toMillis) {
    return new ExecutionQuery(
        stateMachineArn, status, fromMillis, toMillis, namePrefix, text, limit);
  }

  public ExecutionQuery nameStartingWith(String prefix) {
    return new ExecutionQuery(
        stateMachineArn, status, startedFromMillis, startedToMillis, prefix, text, limit);
  }

  public ExecutionQuery containing(String words) {
    return new ExecutionQuery(
        stateMachineArn, status, startedFromMillis, startedToMillis, namePrefix, words, limit);
  }

  public ExecutionQuery limit(int max) {
    return new ExecutionQuery(
        stateMachineArn, status, startedFromMillis, startedToMillis, namePrefix, text, max);
  }
}
