package dev.mercury.tests.support;

import dev.mercury.engine.Projector;
import dev.mercury.port.CheckpointStore;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.Flow;
import dev.mercury.transition.HistoryEvent;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * What a fault test shows when executions are still running at its deadline: for each, the
 * checkpoint's flows, the work {@link Projector} would send again, the last history events and the
 * timers stored for it; then the JetStream streams and consumers. Enough to tell a lost message
 * from a lost timer from a stale read without running the test again.
 */
public final class StuckExecutions {
  private final CheckpointStore store;
  private final String elasticsearchUrl;
  private final String indexPrefix;
  private final Connection nats;

  public StuckExecutions(
      CheckpointStore store, String elasticsearchUrl, String indexPrefix, Connection nats) {
    this.store = store;
    this.elasticsearchUrl = elasticsearchUrl;
    this.indexPrefix = indexPrefix;
    this.nats = nats;
  }

  /** A report on the executions of {@code arns} that still run. */
  public String describe(List<String> arns) {
    StringBuilder report = new StringBuilder();
    for (String arn : arns) {
      Checkpoint checkpoint = store.read(arn);
      if (checkpoint != null && checkpoint.isRunning()) {
        describe(checkpoint, report);
      }
    }
    describeStreams(report);
    return report.toString();
  }

  private void describe(Checkpoint checkpoint, StringBuilder report) {
    report
        .append("\n== ")
        .append(checkpoint.executionArn)
        .append(" version ")
        .append(checkpoint.version)
        .append(" lastEventId ")
        .append(checkpoint.lastEventId)
        .append('\n');
    for (Flow flow : checkpoint.flows.values()) {
      report.append(
          "  flow %d (parent %d) state %s phase %s seq %d pendingTask %s%n"
              .formatted(
                  flow.id,
                  flow.parentId,
                  flow.state,
                  flow.phase,
                  flow.seq,
                  flow.pendingTask == null ? "-" : flow.pendingTask.seq()));
    }
    for (Dispatch work : Projector.pendingWork(checkpoint)) {
      report.append("  pending work: ").append(work).append('\n');
    }
    List<HistoryEvent> history = store.history(checkpoint.executionArn);
    for (HistoryEvent event : history.subList(Math.max(0, history.size() - 6), history.size())) {
      report.append("  event %d %s%n".formatted(event.id(), event.type()));
    }
    report.append("  timers: ").append(timers(checkpoint.executionArn)).append('\n');
  }

  private String timers(String arn) {
    String query =
        "{\"query\": {\"term\": {\"arn\": \"" + arn + "\"}}, \"_source\": [\"dueMillis\"]}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + indexPrefix + "timers/_search"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(query))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body()
          + " (now "
          + System.currentTimeMillis()
          + ")";
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  private void describeStreams(StringBuilder report) {
    try {
      JetStreamManagement management = nats.jetStreamManagement();
      for (StreamInfo stream : management.getStreams()) {
        report.append(
            "\nstream %s: %d messages, first seq %d, last seq %d%n"
                .formatted(
                    stream.getConfiguration().getName(),
                    stream.getStreamState().getMsgCount(),
                    stream.getStreamState().getFirstSequence(),
                    stream.getStreamState().getLastSequence()));
        for (String name : management.getConsumerNames(stream.getConfiguration().getName())) {
          ConsumerInfo consumer =
              management.getConsumerInfo(stream.getConfiguration().getName(), name);
          report.append(
              "  consumer %s: pending %d, ack pending %d, redelivered %d%n"
                  .formatted(
                      name,
                      consumer.getNumPending(),
                      consumer.getNumAckPending(),
                      consumer.getRedelivered()));
        }
      }
    } catch (Exception e) {
      report.append("\nstreams unavailable: ").append(e);
    }
  }
}
