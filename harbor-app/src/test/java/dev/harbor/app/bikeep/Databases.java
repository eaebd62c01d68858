package dev.harbor.app.bikeep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the tests use ({@code HARBOR_TEST_DB_URL}, default the local server), one fresh
 * schema per test. Never skipped: an unreachable database fails the test.
 */
final class Databases {

    static final String URL =
            System.getenv().getOrDefault("HARBOR_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {}

    static String freshPostgresSchema() throws SQLException {
        String schema = "harbor_bikeep_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchemaOf(String url) throws SQLException {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
