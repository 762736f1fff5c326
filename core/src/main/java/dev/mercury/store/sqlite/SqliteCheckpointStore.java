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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The embedded store: one SQLite file in WAL mode holding each execution's checkpoint (its Protocol
 * Buffers bytes plus the columns people query), its history and its timers.
 *
 * <p>A commit is one SQLite transaction: the checkpoint update conditional on the version read, the
 * new history rows and the new timers, so a crash leaves either all of a transition or none of it.
 * {@link #commitAll} puts the commits of several executions in one transaction, each still under
 * its own version check, so the engine pays for one SQLite commit per batch of transitions.
 * Claiming a timer marks its row claimed and {@link #timersFired} deletes it once the engine has
 * committed the transition the timer started; a claim outstanding when the process died is released
 * when the file is next opened, so a crash between claim and commit loses no timer. One connection
 * is shared under a lock: SQLite serialises writers anyway, and WAL lets a person read the file
 * with the sqlite3 shell while Mercury runs. A second connection only copies the log back into the
 * file ({@link WalCheckpointer}).
 */
public final class SqliteCheckpointStore implements CheckpointStore, AutoCloseable {
  private final Connection connection;
  private final SqliteStatements statements;
  private final WalCheckpointer checkpointer;
  private final CheckpointCodec codec = new CheckpointCodec();

  /** Row ids of timers claimed and not yet confirmed fired. */
  private final Map<Dispatch.Timer, Long> claimed = new HashMap<>();

  private SqliteCheckpointStore(Connection connection, WalCheckpointer checkpointer) {
    this.connection = connection;
    this.checkpointer = checkpointer;
    this.statements = new SqliteStatements(connection);
  }

  /** Opens (and creates when needed) the store at {@code file}. */
  public static SqliteCheckpointStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Properties settings = new Properties();
      // The driver would otherwise compile and run a query for the row id after every INSERT.
      settings.setProperty("jdbc.get_generated_keys", "false");
      String url = "jdbc:sqlite:" + file;
      Connection connection = DriverManager.getConnection(url, settings);
      SqliteSchema.create(connection);
      return new SqliteCheckpointStore(connection, WalCheckpointer.start(url, settings));
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException(
          "cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void create(Checkpoint checkpoint) {
    try {
      PreparedStatement insert =
          statements.get(
              "INSERT INTO executions (arn, state_machine_arn, name, status, start_millis,"
                  + " stop_millis, version, checkpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
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
    try {
      PreparedStatement select = statements.get("SELECT checkpoint FROM executions WHERE arn = ?");
      select.setString(1, executionArn);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? codec.decode(row.getBytes(1)) : null;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  @Override
  public void commit(
      Checkpoint checkpoint,
      long readVersion,
      List<HistoryEvent> events,
      List<Dispatch.Timer> timers) {
    if (!commitAll(List.of(new Commit(checkpoint, readVersion, events, timers))).isEmpty()) {
      throw new ConflictException(
          "checkpoint of " + checkpoint.executionArn + " moved past version " + readVersion);
    }
  }

  /**
   * One SQLite transaction for all the commits: each checkpoint update is conditional on its own
   * version and comes first, so a commit whose version moved has written nothing when it is
   * skipped, and the others go on.
   */
  @Override
  public List<Commit> commitAll(List<Commit> commits) {
    List<SqliteRows.EncodedCommit> encoded = new ArrayList<>(commits.size());
    for (Commit commit : commits) {
      encoded.add(SqliteRows.EncodedCommit.of(commit, codec));
    }
    synchronized (this) {
      List<Commit> refused = new ArrayList<>();
      try {
        begin();
        for (SqliteRows.EncodedCommit commit : encoded) {
          if (SqliteRows.updateCheckpoint(statements, commit)) {
            SqliteRows.insertEvents(statements, commit);
            SqliteRows.insertTimers(statements, commit);
          } else {
            refused.add(commit.commit());
          }
        }
        end();
        return refused;
      } catch (SQLException e) {
        rollback();
        throw failure("commit", e);
      }
    }
  }

  @Override
  public boolean engineMayKeepCheckpoints() {
    return true;
  }

  @Override
  public synchronized List<HistoryEvent> history(String executionArn) {
    try {
      return SqliteRows.events(statements, executionArn);
    } catch (SQLException e) {
      throw failure("read history", e);
    }
  }

  @Override
  public synchronized List<Dispatch.Timer> claimDueTimers(long now, int max) {
    try {
      begin();
      List<SqliteRows.StoredTimer> due = SqliteRows.dueTimers(statements, now, max);
      SqliteRows.claimTimers(statements, due);
      end();
      due.forEach(stored -> claimed.put(stored.timer(), stored.id()));
      return due.stream().map(SqliteRows.StoredTimer::timer).toList();
    } catch (SQLException e) {
      rollback();
      throw failure("claim timers", e);
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
      begin();
      SqliteRows.deleteTimers(statements, ids);
      end();
    } catch (SQLException e) {
      rollback();
      throw failure("delete fired timers", e);
    }
  }

  @Override
  public synchronized OptionalLong nextTimerDue() {
    try (ResultSet row =
        statements.get("SELECT MIN(due_millis) FROM timers WHERE claimed = 0").executeQuery()) {
      long due = row.getLong(1);
      return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(due);
    } catch (SQLException e) {
      throw failure("read timers", e);
    }
  }

  @Override
  public synchronized List<String> runningExecutions() {
    List<String> arns = new ArrayList<>();
    try (ResultSet rows =
        statements.get("SELECT arn FROM executions WHERE status = 'RUNNING'").executeQuery()) {
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

  /**
   * Transactions are begun and ended by statement, with the driver left in auto-commit, so a
   * transaction costs two prepared statements rather than the driver's four compiled afresh.
   */
  private void begin() throws SQLException {
    statements.get("BEGIN IMMEDIATE").execute();
  }

  private void end() throws SQLException {
    statements.get("COMMIT").execute();
  }

  private void rollback() {
    try {
      statements.get("ROLLBACK").execute();
    } catch (SQLException ignored) {
      // SQLite may have rolled back already; the failure that led here is the one reported.
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
      checkpointer.close();
      statements.close();
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
