package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite and PostgreSQL V1 migrations are two files because their id columns must be spelt
 * differently. They stay two files (merging them would change the checksums Flyway keeps for
 * databases that applied them), so this test keeps them from drifting apart in anything else.
 * Later dialect migrations (V6: SQLite rebuilds a table where PostgreSQL alters it) cannot be
 * compared statement by statement: the schemas they leave behind are compared instead.
 */
@Tag("postgres")
class MigrationDriftTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @TempDir
    Path sqliteDir;

    private static final String SQLITE_ID = "INTEGER PRIMARY KEY AUTOINCREMENT";
    private static final String POSTGRES_ID = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    @Test
    void the_sqlite_and_postgresql_v1_migrations_differ_only_in_their_identity_columns() throws IOException {
        List<String> sqlite = statements(read("db/migration/sqlite/V1__tables_with_generated_ids.sql"));
        List<String> postgres = statements(read("db/migration/postgresql/V1__tables_with_generated_ids.sql"));

        assertThat(sqlite).isNotEmpty();
        assertThat(sqlite).containsExactlyElementsOf(postgres);
    }

    @Test
    void the_migrated_sqlite_and_postgresql_schemas_have_the_same_tables_columns_nullability_and_indexes()
            throws SQLException {
        Schema sqlite;
        try (Database db = Database.sqlite(sqliteDir)) {
            sqlite = sqliteSchema();
        }
        Schema postgres = postgresSchema();

        assertThat(sqlite.columns()).containsKeys("controllers", "lockers", "remote_commands");
        assertThat(sqlite.columns().get("controllers")).containsEntry("remote_location_id", false);
        assertThat(sqlite.columns()).isEqualTo(postgres.columns());
        assertThat(sqlite.indexes()).contains("lockers_one_per_external_device");
        assertThat(sqlite.indexes()).isEqualTo(postgres.indexes());
    }

    /** Per table, each column and whether it is NOT NULL; and the indexes made by CREATE INDEX. */
    private record Schema(Map<String, Map<String, Boolean>> columns, Set<String> indexes) {}

    private Schema sqliteSchema() throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + sqliteDir.resolve(Database.SQLITE_FILE_NAME));
        Map<String, Map<String, Boolean>> columns = new TreeMap<>();
        Set<String> indexes = new TreeSet<>();
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                Map<String, Boolean> notNull = new TreeMap<>();
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        // SQLite lets a non-INTEGER primary key hold NULL; PostgreSQL never does. The
                        // stores never write one, so a key column counts as NOT NULL.
                        notNull.put(rs.getString("name"), rs.getInt("notnull") == 1 || rs.getInt("pk") > 0);
                    }
                }
                columns.put(table, notNull);
            }
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
                    + " AND sql IS NOT NULL AND tbl_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
        }
        return new Schema(columns, indexes);
    }

    private static Schema postgresSchema() throws SQLException {
        Map<String, Map<String, Boolean>> columns = new TreeMap<>();
        Set<String> indexes = new TreeSet<>();
        try (Connection c = POSTGRES.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, is_nullable"
                    + " FROM information_schema.columns WHERE table_schema = '" + POSTGRES.schema() + "'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
                            .put(rs.getString(2), "NO".equals(rs.getString(3)));
                }
            }
            // Indexes that back a primary key or unique constraint are the constraint's, not CREATE INDEX's.
            try (ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = '"
                    + POSTGRES.schema() + "' AND tablename <> 'flyway_schema_history'"
                    + " AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
        }
        return new Schema(columns, indexes);
    }

    @Test
    void a_column_that_differs_beyond_the_identity_spelling_is_drift() {
        String sqlite = "CREATE TABLE a (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    name TEXT NOT NULL\n);";
        String postgres =
                "CREATE TABLE a (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name TEXT\n);";

        assertThat(statements(sqlite)).isNotEqualTo(statements(postgres));
    }

    @Test
    void identity_spellings_comments_and_spacing_are_not_drift() {
        String sqlite = "-- SQLite\nCREATE TABLE a (\n    id    INTEGER PRIMARY KEY AUTOINCREMENT,\n    name TEXT\n);";
        String postgres = "-- PostgreSQL: other words\nCREATE TABLE a (\n    id BIGINT GENERATED ALWAYS AS IDENTITY"
                + " PRIMARY KEY,\n    name   TEXT\n);";

        assertThat(statements(sqlite)).isEqualTo(statements(postgres));
    }

    @Test
    void a_statement_missing_from_one_side_is_drift() {
        String sqlite = "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE INDEX a_x ON a (id);";
        String postgres = "CREATE TABLE a (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);";

        assertThat(statements(sqlite)).isNotEqualTo(statements(postgres));
    }

    /** The statements with comments dropped, spacing collapsed and one spelling for an identity column. */
    static List<String> statements(String sql) {
        String withoutComments = sql.replaceAll("--[^\n]*", "");
        String normalized = withoutComments
                .replaceAll("\\s+", " ")
                .replace(SQLITE_ID, "<identity>")
                .replace(POSTGRES_ID, "<identity>");
        return Arrays.stream(normalized.split(";"))
                .map(String::trim)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MigrationDriftTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
