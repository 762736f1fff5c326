package dev.mercury.store.sqlite;

import dev.mercury.port.StateMachineStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** State machines in the embedded store's file, sharing its connection and its lock. */
final class SqliteStateMachineStore implements StateMachineStore {
  private final Connection connection;
  private final Object lock;

  SqliteStateMachineStore(Connection connection, Object lock) {
    this.connection = connection;
    this.lock = lock;
  }

  @Override
  public boolean create(StoredStateMachine machine) {
    synchronized (lock) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT OR IGNORE INTO state_machines (arn, name, definition, role_arn, type,"
                  + " created_millis) VALUES (?, ?, ?, ?, ?, ?)")) {
        bind(insert, machine);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        throw failure("store a state machine", e);
      }
    }
  }

  @Override
  public StoredStateMachine get(String arn) {
    synchronized (lock) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT arn, name, definition, role_arn, type, created_millis FROM state_machines"
                  + " WHERE arn = ?")) {
        select.setString(1, arn);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? machine(row) : null;
        }
      } catch (SQLException e) {
        throw failure("read a state machine", e);
      }
    }
  }

  @Override
  public void update(StoredStateMachine machine) {
    synchronized (lock) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO state_machines (arn, name, definition, role_arn, type,"
                  + " created_millis) VALUES (?, ?, ?, ?, ?, ?)")) {
        bind(update, machine);
        update.executeUpdate();
      } catch (SQLException e) {
        throw failure("update a state machine", e);
      }
    }
  }

  @Override
  public boolean delete(String arn) {
    synchronized (lock) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM state_machines WHERE arn = ?")) {
        delete.setString(1, arn);
        return delete.executeUpdate() == 1;
      } catch (SQLException e) {
        throw failure("delete a state machine", e);
      }
    }
  }

  @Override
  public List<StoredStateMachine> list() {
    synchronized (lock) {
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT arn, name, definition, role_arn, type, created_millis"
                      + " FROM state_machines ORDER BY name");
          ResultSet rows = select.executeQuery()) {
        List<StoredStateMachine> machines = new ArrayList<>();
        while (rows.next()) {
          machines.add(machine(rows));
        }
        return machines;
      } catch (SQLException e) {
        throw failure("list state machines", e);
      }
    }
  }

  private static void bind(PreparedStatement statement, StoredStateMachine machine)
      throws SQLException {
    statement.setString(1, machine.arn());
    statement.setString(2, machine.name());
    statement.setString(3, machine.definition());
    statement.setString(4, machine.roleArn());
    statement.setString(5, machine.type());
    statement.setLong(6, machine.createdMillis());
  }

  private static StoredStateMachine machine(ResultSet row) throws SQLException {
    return new StoredStateMachine(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getLong(6));
  }

  private static SqliteCheckpointStore.StoreException failure(String what, SQLException e) {
    return new SqliteCheckpointStore.StoreException(
        "SQLite store could not " + what + ": " + e.getMessage(), e);
  }
}
