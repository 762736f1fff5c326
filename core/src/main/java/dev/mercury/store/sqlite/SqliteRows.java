package dev.mercury.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.CheckpointStore.Commit;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.store.codec.StepCodec;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the checkpoint, history and timer rows of the embedded store. */
final class SqliteRows {
  private SqliteRows() {}

  /** A timer as stored, with the row id that claiming it deletes. */
  record StoredTimer(long id, Dispatch.Timer timer) {}

  /**
   * A commit turned into the bytes and text its rows hold, made before the store's lock is taken so
   * readers wait only for the writes.
   */
  record EncodedCommit(
      Commit commit, byte[] checkpoint, List<String> eventDetails, List<byte[]> timerMessages) {
    static EncodedCommit of(Commit commit, CheckpointCodec codec) {
      List<String> details = new ArrayList<>(commit.events().size());
      for (HistoryEvent event : commit.events()) {
        details.add(event.details() == null ? null : Json.write(event.details()));
      }
      List<byte[]> messages = new ArrayList<>(commit.timers().size());
      for (Dispatch.Timer timer : commit.timers()) {
        messages.add(StepCodec.encode(timer.message()));
      }
      return new EncodedCommit(commit, codec.encode(commit.checkpoint()), details, messages);
    }
  }

  /** Writes the commit's checkpoint if its version is still the one read; false if it moved. */
  static boolean updateCheckpoint(SqliteStatements statements, EncodedCommit encoded)
      throws SQLException {
    Checkpoint checkpoint = encoded.commit().checkpoint();
    PreparedStatement update =
        statements.get(
            "UPDATE executions SET status = ?, stop_millis = ?, version = ?, checkpoint = ?"
                + " WHERE arn = ? AND version = ?");
    update.setString(1, checkpoint.status.name());
    update.setLong(2, checkpoint.stopMillis);
    update.setLong(3, checkpoint.version);
    update.setBytes(4, encoded.checkpoint());
    update.setString(5, checkpoint.executionArn);
    update.setLong(6, encoded.commit().readVersion());
    return update.executeUpdate() == 1;
  }

  static void insertEvents(SqliteStatements statements, EncodedCommit encoded) throws SQLException {
    List<HistoryEvent> events = encoded.commit().events();
    if (events.isEmpty()) {
      return;
    }
    PreparedStatement insert =
        statements.get(
            "INSERT INTO history (arn, id, previous_id, timestamp_millis, type, details)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    String arn = encoded.commit().checkpoint().executionArn;
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent event = events.get(i);
      insert.setString(1, arn);
      insert.setLong(2, event.id());
      insert.setLong(3, event.previousEventId());
      insert.setLong(4, event.timestampMillis());
      insert.setString(5, event.type());
      insert.setString(6, encoded.eventDetails().get(i));
      insert.executeUpdate();
    }
  }

  static List<HistoryEvent> events(SqliteStatements statements, String arn) throws SQLException {
    PreparedStatement select =
        statements.get(
            "SELECT id, previous_id, timestamp_millis, type, details FROM history"
                + " WHERE arn = ? ORDER BY id");
    select.setString(1, arn);
    List<HistoryEvent> events = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String details = rows.getString(5);
        events.add(
            new HistoryEvent(
                rows.getLong(1),
                rows.getLong(2),
                rows.getLong(3),
                rows.getString(4),
                details == null ? null : (ObjectNode) Json.parseTrusted(details)));
      }
    }
    return events;
  }

  static void insertTimers(SqliteStatements statements, EncodedCommit encoded) throws SQLException {
    List<Dispatch.Timer> timers = encoded.commit().timers();
    if (timers.isEmpty()) {
      return;
    }
    PreparedStatement insert =
        statements.get("INSERT INTO timers (due_millis, message) VALUES (?, ?)");
    for (int i = 0; i < timers.size(); i++) {
      insert.setLong(1, timers.get(i).dueMillis());
      insert.setBytes(2, encoded.timerMessages().get(i));
      insert.executeUpdate();
    }
  }

  static List<StoredTimer> dueTimers(SqliteStatements statements, long now, int max)
      throws SQLException {
    PreparedStatement select =
        statements.get(
            "SELECT id, due_millis, message FROM timers WHERE due_millis <= ? AND claimed = 0"
                + " ORDER BY due_millis LIMIT ?");
    select.setLong(1, now);
    select.setInt(2, max);
    List<StoredTimer> due = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        due.add(
            new StoredTimer(
                rows.getLong(1),
                new Dispatch.Timer(rows.getLong(2), StepCodec.decode(rows.getBytes(3)))));
      }
    }
    return due;
  }

  static void claimTimers(SqliteStatements statements, List<StoredTimer> timers)
      throws SQLException {
    PreparedStatement claim = statements.get("UPDATE timers SET claimed = 1 WHERE id = ?");
    for (StoredTimer timer : timers) {
      claim.setLong(1, timer.id());
      claim.executeUpdate();
    }
  }

  static void deleteTimers(SqliteStatements statements, List<Long> ids) throws SQLException {
    PreparedStatement delete = statements.get("DELETE FROM timers WHERE id = ?");
    for (long id : ids) {
      delete.setLong(1, id);
      delete.executeUpdate();
    }
  }
}
