package dev.mercury.store.sqlite;

import dev.mercury.port.CheckpointStore;
import dev.mercury.port.ResourceStore;
import dev.mercury.port.StateMachineStore;
import dev.mercury.store.codec.CheckpointCodec;
import dev.mercury.transition.Checkpoint;
import dev.mercury.transition.Dispatch;
import dev.mercury.transition.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The embedded store: one SQLite file in WAL mode holding each execution's checkpoint (its Protocol
 * Buffers bytes plus the columns people query), its history and its timers.
 *
 * <p>A commit is one SQLite transaction: the checkpoint update conditional on the version read, the
 * new history rows and the new timers, so a crash leaves either all of a transition or none of it.
 * Claiming a timer marks its row claimed and {@link #timersFired} deletes it once the engine has
 * committed the transition the timer started; a claim outstanding when the process died is released
 * when the file is next opened, so a crash between claim and commit loses no timer. One connection
 * is shared under a lock: SQLite serialises writers anyway, and WAL lets a person read the file
 * with the sqlite3 shell while Mercury runs.
 */
public final class SqliteCheckpointStore implements CheckpointStore, AutoCloseable {
  private final Connection connection;
  private final CheckpointCodec codec = new CheckpointCodec();

  /** Row ids of timers claimed and not yet confirmed fired. */
  private final Map<Dispatch.Timer, Long> claimed = new HashMap<>();

  private SqliteCheckpointStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (and creates when needed) the store at {@code file}. */
  public static SqliteCheckpointStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      SqliteSchema.create(connection);
      return new SqliteCheckpointStore(connection);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException(
          "cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void create(Checkpoint checkpoint) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO executions (arn, state_machine_arn, name, status, start_millis,"
                + " stop_millis, version, checkpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, checkpoint.executionArn);
      insert.setString(2, checkpoint.stateMachineArn);
      insert.setString(3, checkpoint.name);
      insert.setString(4, checkpoint.status.name());
      insert.setLong(5, checkpoint.startMillis);
      insert.setLong(6, checkpoint.stopMillis);
      insert.setLong(7, checkpoint.version);
      insert.setBytes(8, codec.encode(checkpoint));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
        throw new ConflictException("execution exists: " + checkpoint.executionArn);
      }
      throw failure("create", e);
    }
  }

  @Override
  public synchronized Checkpoint read(String executionArn) {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT checkpoint FROM executions WHERE arn = ?")) {
      select.setString(1, executionArn);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? codec.decode(row.getBytes(1)) : null;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  @Override
  public synchronized void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers) {
    try {
      connection.setAutoCommit(false);
      updateCheckpoint(checkpoint, readVersion);
      SqliteRows.insertEvents(connection, checkpoint.executionArn, events);
      SqliteRows.insertTimers(connection, timers);
      connection.commit();
    } catch (ConflictException e) {
      rollback();
      throw e;
    } catch (SQLException e) {
      rollback();
      throw failure("commit", e);
    } finally {
      autoCommit();
    }
  }

  private void updateCheckpoint(Checkpoint checkpoint, long readVersion) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE executions SET status = ?, stop_millis = ?, version = ?, checkpoint = ?"
                + " WHERE arn = ? AND version = ?")) {
      update.setString(1, checkpoint.status.name());
      update.setLong(2, checkpoint.stopMillis);
      update.setLong(3, checkpoint.version);
      update.setBytes(4, codec.encode(checkpoint));
      update.setString(5, checkpoint.executionArn);
      update.setLong(6, readVersion);
      if (update.executeUpdate() != 1) {
        throw new ConflictException(
            "checkpoint of " + checkpoint.executionArn + " moved past version " + readVersion);
      }
    }
  }

  @Override
  public synchronized List<HistoryEvent> history(String executionArn) {
    try {
      return SqliteRows.events(connection, executionArn);
    } catch (SQLException e) {
      throw failure("read history", e);
    }
  }

  @Override
  public synchronized List<Dispatch.Timer> claimDueTimers(long now, int max) {
    try {
      connection.setAutoCommit(false);
      List<SqliteRows.StoredTimer> due = SqliteRows.dueTimers(connection, now, max);
      SqliteRows.claimTimers(connection, due);
      connection.commit();
      due.forEach(stored -> claimed.put(stored.timer(), stored.id()));
      return due.stream().map(SqliteRows.StoredTimer::timer).toList();
    } catch (SQLException e) {
      rollback();
      throw failure("claim timers", e);
    } finally {
      autoCommit();
    }
  }

  @Override
  public synchronized void timersFired(List<Dispatch.Timer> fired) {
    List<Long> ids = new ArrayList<>();
    for (Dispatch.Timer timer : fired) {
      Long id = claimed.remove(timer);
      if (id != null) {
        ids.add(id);
      }
    }
    try {
      SqliteRows.deleteTimers(connection, ids);
    } catch (SQLException e) {
      throw failure("delete fired timers", e);
    }
  }

  @Override
  public synchronized OptionalLong nextTimerDue() {
    try (Statement select = connection.createStatement();
        ResultSet row =
            select.executeQuery("SELECT MIN(due_millis) FROM timers WHERE claimed = 0")) {
      long due = row.getLong(1);
      return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(due);
    } catch (SQLException e) {
      throw failure("read timers", e);
    }
  }

  @Override
  public synchronized List<String> runningExecutions() {
    List<String> arns = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT arn FROM executions WHERE status = 'RUNNING'")) {
      while (rows.next()) {
        arns.add(rows.getString(1));
      }
      return arns;
    } catch (SQLException e) {
      throw failure("list running executions", e);
    }
  }

  @Override
  public synchronized List<Checkpoint> executions(String stateMachineArn, int limit, int offset) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT checkpoint FROM executions WHERE state_machine_arn = ?"
                + " ORDER BY start_millis DESC, arn LIMIT ? OFFSET ?")) {
      select.setString(1, stateMachineArn);
      select.setInt(2, limit);
      select.setInt(3, offset);
      List<Checkpoint> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(codec.decode(rows.getBytes(1)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure("list executions", e);
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is unusable anyway; the failure that led here is the one reported.
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("reset the connection", e);
    }
  }

  private static StoreException failure(String what, SQLException e) {
    return new StoreException("SQLite store could not " + what + ": " + e.getMessage(), e);
  }

  /** The state machines kept in the same file. */
  public StateMachineStore stateMachines() {
    return new SqliteStateMachineStore(connection, this);
  }

  /** The API's other resources (activities, versions, aliases, tags) in the same file. */
  public ResourceStore resources() {
    return new SqliteResourceStore(connection, this);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  /** The store failed for a reason outside the execution: the disk, the file, a bug. */
  public static final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
