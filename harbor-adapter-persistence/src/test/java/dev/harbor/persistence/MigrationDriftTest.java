package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQLite and PostgreSQL V1 migrations are two files because their id columns must be spelt
 * differently. They stay two files (merging them would change the checksums Flyway keeps for
 * databases that applied them), so this test keeps them from drifting apart in anything else.
 */
class MigrationDriftTest {

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
