package dev.mercury.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.port.ResourceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The API's other resources in the embedded store's file, sharing its connection and lock. */
final class SqliteResourceStore implements ResourceStore {
  private static final String COLUMNS = "arn, kind, created_millis, document";

  private final Connection connection;
  private final Object lock;

  SqliteResourceStore(Connection connection, Object lock) {
    this.connection = connection;
    this.lock = lock;
  }

  @Override
  public boolean create(Resource resource) {
    return write("INSERT OR IGNORE", resource) == 1;
  }

  @Override
  public void put(Resource resource) {
    write("INSERT OR REPLACE", resource);
  }

  private int write(String verb, Resource resource) {
    synchronized (lock) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              verb + " INTO resources (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
        insert.setString(1, resource.arn());
        insert.setString(2, resource.kind());
        insert.setLong(3, resource.createdMillis());
        insert.setString(4, Json.write(resource.document()));
        return insert.executeUpdate();
      } catch (SQLException e) {
        throw failure("store a resource", e);
      }
    }
  }

  @Override
  public Resource get(String arn) {
    synchronized (lock) {
      try (PreparedStatement select =
          connection.prepareStatement("SELECT " + COLUMNS + " FROM resources WHERE arn = ?")) {
        select.setString(1, arn);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? resource(row) : null;
        }
      } catch (SQLException e) {
        throw failure("read a resource", e);
      }
    }
  }

  @Override
  public boolean delete(String arn) {
    synchronized (lock) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM resources WHERE arn = ?")) {
        delete.setString(1, arn);
        return delete.executeUpdate() == 1;
      } catch (SQLException e) {
        throw failure("delete a resource", e);
      }
    }
  }

  @Override
  public List<Resource> list(String kind, String arnPrefix) {
    synchronized (lock) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM resources WHERE kind = ? AND substr(arn, 1, ?) = ? ORDER BY arn")) {
        select.setString(1, kind);
        select.setInt(2, arnPrefix.length());
        select.setString(3, arnPrefix);
        List<Resource> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(resource(rows));
          }
        }
        return found;
      } catch (SQLException e) {
        throw failure("list resources", e);
      }
    }
  }

  private static Resource resource(ResultSet row) throws SQLException {
    return new Resource(
        row.getString(1),
        row.getString(2),
        row.getLong(3),
        (ObjectNode) Json.parseTrusted(row.getString(4)));
  }

  private static SqliteCheckpointStore.StoreException failure(String what, SQLException e) {
    return new SqliteCheckpointStore.StoreException(
        "SQLite store could not " + what + ": " + e.getMessage(), e);
  }
}
