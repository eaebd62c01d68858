package dev.harbor.persistence.internal;

import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Flyway's history table read with plain JDBC, to tell whether a database already holds exactly the
 * migrations this version ships. Only then may a start skip Flyway: any doubt leaves the decision to
 * Flyway, which migrates or refuses with its own validation message.
 */
public final class SchemaHistory {

    /** Flyway's default history table, which Harbor keeps. */
    static final String TABLE = "flyway_schema_history";

    /**
     * Flyway's note that it created the schema itself (PostgreSQL, when {@code currentSchema} names
     * one that did not exist yet): no version, no checksum, nothing to validate.
     */
    static final String SCHEMA_MARKER = "SCHEMA";

    static final String SQL_MIGRATION = "SQL";

    private SchemaHistory() {}

    /** One row of the history, as Flyway wrote it. */
    record Row(String version, String description, String type, Integer checksum, boolean success) {}

    /**
     * Whether the database's history is exactly {@code shipped}, all applied successfully, and nothing
     * else; {@code false} when it cannot be read.
     *
     * @throws IllegalStateException when no connection can be made (its cause is the driver's
     *     {@link SQLException}, which says why)
     */
    public static boolean isCurrent(DataSource source, Dialect dialect, List<Migration> shipped) {
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            // Flyway would fail to connect as well, after waiting as long again for a server that is down.
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
        try (connection) {
            return read(connection, dialect).map(rows -> matches(rows, shipped)).orElse(false);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The rule, kept apart from reading so that each part of it can be tested: every row is a
     * successful SQL migration whose version, description and checksum are one of the shipped files'
     * (Flyway validates these three), each shipped file has its row, and no other row exists but
     * Flyway's schema-creation marker. A failed, baselined, repeatable, deleted or unknown row, an
     * edited file or a missing migration each leave the work to Flyway.
     */
    static boolean matches(List<Row> rows, List<Migration> shipped) {
        Set<Applied> expected = shipped.stream()
                .map(m -> new Applied(m.version(), m.description(), m.checksum()))
                .collect(Collectors.toSet());
        Set<Applied> applied = new HashSet<>();
        for (Row row : rows) {
            if (isSchemaMarker(row)) {
                continue;
            }
            if (!row.success()
                    || !SQL_MIGRATION.equals(row.type())
                    || !applied.add(new Applied(row.version(), row.description(), row.checksum()))) {
                return false;
            }
        }
        return applied.equals(expected);
    }

    private static boolean isSchemaMarker(Row row) {
        return SCHEMA_MARKER.equals(row.type()) && row.version() == null && row.success();
    }

    private record Applied(String version, String description, Integer checksum) {}

    /** The history's rows, or empty when the database has no history table where Flyway keeps it. */
    static Optional<List<Row>> read(Connection connection, Dialect dialect) throws SQLException {
        Optional<String> table = historyTable(connection, dialect);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, description, type, checksum, success FROM " + table.get())) {
            while (rs.next()) {
                int checksum = rs.getInt("checksum");
                rows.add(new Row(
                        rs.getString("version"),
                        rs.getString("description"),
                        rs.getString("type"),
                        rs.wasNull() ? null : checksum,
                        rs.getBoolean("success")));
            }
        }
        return Optional.of(rows);
    }

    /**
     * The history table's qualified name if it exists. Flyway keeps it in SQLite's main schema, and in
     * PostgreSQL's current schema ({@code currentSchema} in the URL, else the search path's first
     * existing schema); with no current schema Flyway would create one, so there is no history yet.
     */
    private static Optional<String> historyTable(Connection connection, Dialect dialect) throws SQLException {
        String schema;
        String lookup;
        if (dialect == Dialect.SQLITE) {
            schema = "main";
            lookup = "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?";
        } else {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
                schema = rs.next() ? rs.getString(1) : null;
            }
            if (schema == null) {
                return Optional.empty();
            }
            lookup = "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ?";
        }
        try (PreparedStatement statement = connection.prepareStatement(lookup)) {
            statement.setString(1, TABLE);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(quoted(schema) + "." + quoted(TABLE));
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
