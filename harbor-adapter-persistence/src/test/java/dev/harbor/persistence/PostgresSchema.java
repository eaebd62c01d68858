package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL schema of its own for one test class, dropped after it, so that parallel and
 * repeated runs never see each other's rows. The server is named by {@code HARBOR_TEST_DB_URL};
 * when it cannot be reached the tests fail — they are never skipped.
 */
final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String schema = "harbor_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    private Database database;

    static String serverUrl() {
        String url = System.getenv("HARBOR_TEST_DB_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** The server URL with this schema as the connection's current schema. */
    String url() {
        String server = serverUrl();
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String schema() {
        return schema;
    }

    Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url());
        } catch (SQLException e) {
            throw new SQLException(
                    "PostgreSQL for the tests is unreachable at " + serverUrl().split("\\?", 2)[0]
                            + " (set HARBOR_TEST_DB_URL); these tests must run against a real server",
                    e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        database = Database.postgres(url(), null, null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database != null) {
            database.close();
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    Database database() {
        return database;
    }

    /** The stores over this schema, emptied of every row (ids go on counting up). */
    Stores freshStores() {
        return TestStores.of(freshDatabase());
    }

    /** The schema's database with every table emptied. */
    Database freshDatabase() {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                    + "' AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(schema + "." + rs.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }
}
