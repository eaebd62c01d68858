package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.persistence.internal.Dialect;
import dev.harbor.persistence.internal.SchemaHistory;
import dev.harbor.persistence.internal.SchemaMigrations;
import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL the history lives in the connection's current schema; a start skips Flyway only when
 * it lists exactly this version's migrations. Each test that changes a history gets a schema of its own.
 */
@Tag("postgres")
class PostgresSchemaHistoryTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final List<Migration> SHIPPED = SchemaMigrations.of(Dialect.POSTGRESQL);

    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropTheTestsOwnSchemas() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresSchema.serverUrl());
                Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The URL of a schema of this test's own, which Flyway will have to create. */
    private String ownSchemaUrl() {
        String schema = "harbor_history_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        schemas.add(schema);
        String server = PostgresSchema.serverUrl();
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static PGSimpleDataSource source(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        return source;
    }

    private static boolean isCurrent(String url) {
        return SchemaHistory.isCurrent(source(url), Dialect.POSTGRESQL, SHIPPED);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> flywayLogWhileOpening(String url) {
        try (FlywayLog log = FlywayLog.capture()) {
            Database.postgres(url, null, null).close();
            return log.messages();
        }
    }

    @Test
    void after_a_migration_every_row_flyway_wrote_has_the_version_description_and_checksum_computed_here()
            throws SQLException {
        List<String> stored;
        try (Connection c = POSTGRES.connect()) {
            stored = FlywayHistoryRows.stored(c);
        }

        assertThat(stored).containsExactlyElementsOf(FlywayHistoryRows.computed(SHIPPED));
    }

    @Test
    void an_up_to_date_schema_is_current_and_reopening_it_leaves_flyway_out() {
        assertThat(isCurrent(POSTGRES.url())).isTrue();

        assertThat(flywayLogWhileOpening(POSTGRES.url())).isEmpty();
    }

    @Test
    void a_schema_flyway_created_itself_keeps_its_note_of_that_and_is_current() throws SQLException {
        String url = ownSchemaUrl();

        assertThat(isCurrent(url)).isFalse();
        assertThat(flywayLogWhileOpening(url)).isNotEmpty();

        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT type, version, checksum FROM flyway_schema_history" + " WHERE installed_rank = 0")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("type")).isEqualTo("SCHEMA");
            assertThat(rs.getString("version")).isNull();
            assertThat(rs.getObject("checksum")).isNull();
        }
        assertThat(isCurrent(url)).isTrue();
        assertThat(flywayLogWhileOpening(url)).isEmpty();
    }

    @Test
    void a_schema_whose_migration_was_changed_after_it_ran_is_not_current_and_flyway_refuses_it() throws SQLException {
        String url = ownSchemaUrl();
        Database.postgres(url, null, null).close();
        execute(url, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

        assertThat(isCurrent(url)).isFalse();
        assertThatThrownBy(() -> Database.postgres(url, null, null).close())
                .hasMessageContaining("checksum mismatch for migration version 3");
    }

    @Test
    void a_schema_from_an_older_release_is_not_current_and_is_migrated_to_the_newest_version() throws SQLException {
        String url = ownSchemaUrl();
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(source(url))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target("6")
                .load()
                .migrate();

        assertThat(isCurrent(url)).isFalse();
        Database.postgres(url, null, null).close();

        assertThat(isCurrent(url)).isTrue();
        execute(url, "SELECT * FROM login_failures");
    }

    @Test
    void a_schema_without_a_history_is_not_current_though_another_schema_on_the_search_path_has_one()
            throws SQLException {
        String url = ownSchemaUrl();
        String schema = schemas.get(0);
        execute(url, "CREATE SCHEMA " + schema);
        String searchPath = url + ",%20" + POSTGRES.schema();
        try (Connection c = DriverManager.getConnection(searchPath);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(schema + ", " + POSTGRES.schema());
        }

        assertThat(isCurrent(POSTGRES.url())).isTrue();
        assertThat(isCurrent(searchPath)).isFalse();
    }
}
