package dev.mercury.store.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on a thread and connection of its own, so
 * the engine's commits do not wait for the two fsyncs a checkpoint makes: with synchronous=NORMAL a
 * commit only appends to the log, and it was the commit that crossed SQLite's automatic checkpoint
 * threshold that paid for the whole checkpoint. A passive checkpoint never blocks a writer; the
 * store's own connection keeps a far higher automatic threshold in case this thread falls behind.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  private static final long PERIOD_MILLIS = 100;

  /** Pages of log after which the store's own connection checkpoints anyway (about 40 MB). */
  static final int FALLBACK_PAGES = 10_000;

  private final Connection connection;
  private final Thread thread;
  private volatile boolean closed;

  private WalCheckpointer(Connection connection) {
    this.connection = connection;
    this.thread =
        Thread.ofPlatform().daemon().name("mercury-sqlite-checkpoint").unstarted(this::run);
  }

  static WalCheckpointer start(String url, Properties settings) throws SQLException {
    WalCheckpointer checkpointer = new WalCheckpointer(DriverManager.getConnection(url, settings));
    checkpointer.thread.start();
    return checkpointer;
  }

  private void run() {
    try (Statement statement = connection.createStatement()) {
      while (!closed) {
        Thread.sleep(PERIOD_MILLIS);
        try {
          statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
          // The next round, or the store's own fallback, copies what this one could not.
          LOG.debug("WAL checkpoint skipped: {}", e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.warn("WAL checkpoints left to SQLite's automatic ones: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws SQLException {
    closed = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
