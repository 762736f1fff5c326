package dev.mercury.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded store's tables; created when missing, so a new file needs no setup. */
final class SqliteSchema {
  private SqliteSchema() {}

  /**
   * Files written before timers were claimed in two steps lack the column; a claim left by a
   * process that died is released at open, since only one process uses the file.
   */
  private static void addClaimedColumn(Connection connection, Statement statement)
      throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, null, "timers", "claimed")) {
      if (!columns.next()) {
        statement.execute("ALTER TABLE timers ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0");
      }
    }
    statement.execute("UPDATE timers SET claimed = 0 WHERE claimed = 1");
  }

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode = WAL");
      // In WAL mode NORMAL syncs the log at checkpoints, not at each commit: a commit survives the
      // process being killed, and only a crash of the operating system may lose the last commits.
      statement.execute("PRAGMA synchronous = NORMAL");
      statement.execute("PRAGMA busy_timeout = 5000");
      statement.execute("PRAGMA wal_autocheckpoint = " + WalCheckpointer.FALLBACK_PAGES);
      // 64 MiB of pages at most, in native memory: SQLite's default 2 MiB holds the checkpoints of
      // about a thousand executions, and each one beyond costs a read from the file per update.
      statement.execute("PRAGMA cache_size = -65536");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS executions ("
              + " arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL,"
              + " status TEXT NOT NULL, start_millis INTEGER NOT NULL, stop_millis INTEGER,"
              + " version INTEGER NOT NULL, checkpoint BLOB NOT NULL)");
      statement.execute(
          "CREATE INDEX IF NOT EXISTS executions_by_machine"
              + " ON executions (state_machine_arn, start_millis)");
      statement.execute("CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS history ("
              + " arn TEXT NOT NULL, id INTEGER NOT NULL, previous_id INTEGER NOT NULL,"
              + " timestamp_millis INTEGER NOT NULL, type TEXT NOT NULL, details TEXT,"
              + " PRIMARY KEY (arn, id))");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS timers ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT, due_millis INTEGER NOT NULL,"
              + " message BLOB NOT NULL)");
      statement.execute("CREATE INDEX IF NOT EXISTS timers_by_due ON timers (due_millis)");
      addClaimedColumn(connection, statement);
      statement.execute(
          "CREATE TABLE IF NOT EXISTS state_machines ("
              + " arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL,"
              + " role_arn TEXT NOT NULL, type TEXT NOT NULL, created_millis INTEGER NOT NULL)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS resources ("
              + " arn TEXT PRIMARY KEY, kind TEXT NOT NULL, created_millis INTEGER NOT NULL,"
              + " document TEXT NOT NULL)");
    }
  }
}
