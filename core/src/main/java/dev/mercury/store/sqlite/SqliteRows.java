package dev.mercury.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.store.codec.StepCodec;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the history and timer rows of the embedded store. */
final class SqliteRows {
  private SqliteRows() {}

  /** A timer as stored, with the row id that claiming it deletes. */
  record StoredTimer(long id, Dispatch.Timer timer) {}

  static void insertEvents(Connection connection, String arn, List<HistoryEvent> events)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO history (arn, id, previous_id, timestamp_millis, type, details)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (HistoryEvent event : events) {
        insert.setString(1, arn);
        insert.setLong(2, event.id());
        insert.setLong(3, event.previousEventId());
        insert.setLong(4, event.timestampMillis());
        insert.setString(5, event.type());
        insert.setString(6, event.details() == null ? null : Json.write(event.details()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<HistoryEvent> events(Connection connection, String arn) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, previous_id, timestamp_millis, type, details FROM history"
                + " WHERE arn = ? ORDER BY id")) {
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
  }

  static void insertTimers(Connection connection, List<Dispatch.Timer> timers) throws SQLException {
    if (timers.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO timers (due_millis, message) VALUES (?, ?)")) {
      for (Dispatch.Timer timer : timers) {
        insert.setLong(1, timer.dueMillis());
        insert.setBytes(2, StepCodec.encode(timer.message()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<StoredTimer> dueTimers(Connection connection, long now, int max) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, due_millis, message FROM timers WHERE due_millis <= ? AND claimed = 0"
                + " ORDER BY due_millis LIMIT ?")) {
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
  }

  static void claimTimers(Connection connection, List<StoredTimer> timers) throws SQLException {
    try (PreparedStatement claim =
        connection.prepareStatement("UPDATE timers SET claimed = 1 WHERE id = ?")) {
      for (StoredTimer timer : timers) {
        claim.setLong(1, timer.id());
        claim.addBatch();
      }
      claim.executeBatch();
    }
  }

  static void deleteTimers(Connection connection, List<Long> ids) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM timers WHERE id = ?")) {
      for (long id : ids) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }
}
