package dev.harbor.app.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the tests use ({@code HARBOR_TEST_DB_URL}, default the local server), with one
 * fresh schema per test so runs never see each other's data. Never skipped: an unreachable
 * database fails the test.
 */
public final class TestDatabases {

    public static final String URL =
            System.getenv().getOrDefault("HARBOR_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {}

    /** Creates a new schema and returns a JDBC URL whose connections use it. */
    public static String freshPostgresSchema() throws SQLException {
        String schema = "harbor_app_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchemaOf(String url) throws SQLException {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
