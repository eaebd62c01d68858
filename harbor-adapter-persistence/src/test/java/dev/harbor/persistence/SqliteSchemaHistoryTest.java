package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.persistence.internal.Dialect;
import dev.harbor.persistence.internal.SchemaHistory;
import dev.harbor.persistence.internal.SchemaMigrations;
import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A start skips Flyway (and the foreign-key check after migrations) only for a file whose history is
 * exactly this version's migrations; every other file goes through Flyway as before.
 */
class SqliteSchemaHistoryTest {

    private static final List<Migration> SHIPPED = SchemaMigrations.of(Dialect.SQLITE);

    @TempDir
    Path dataDir;

    private SQLiteDataSource file() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dataDir.resolve(Database.SQLITE_FILE_NAME));
        return source;
    }

    private boolean isCurrent() {
        return SchemaHistory.isCurrent(file(), Dialect.SQLITE, SHIPPED);
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = file().getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A file as an earlier release left it: migrated by Flyway up to {@code version}. */
    private void migrateUpTo(String version) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(file())
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target(version)
                .load()
                .migrate();
    }

    private void openAndClose() {
        Database.sqlite(dataDir).close();
    }

    /** What Flyway logged while the file was opened; empty when Flyway was not run. */
    private List<String> flywayLogWhileOpening() {
        try (FlywayLog log = FlywayLog.capture()) {
            openAndClose();
            return log.messages();
        }
    }

    @Test
    void after_a_migration_every_row_flyway_wrote_has_the_version_description_and_checksum_computed_here()
            throws SQLException {
        openAndClose();

        List<String> stored;
        try (Connection c = file().getConnection()) {
            stored = FlywayHistoryRows.stored(c);
        }

        assertThat(stored).containsExactlyElementsOf(FlywayHistoryRows.computed(SHIPPED));
    }

    @Test
    void an_up_to_date_file_is_current_and_reopening_it_leaves_flyway_out() {
        assertThat(flywayLogWhileOpening()).isNotEmpty();

        assertThat(isCurrent()).isTrue();
        assertThat(flywayLogWhileOpening()).isEmpty();
    }

    @Test
    void reopening_an_up_to_date_file_loads_no_flyway_class() throws Exception {
        List<String> first = flywayClassesLoadedByOpeningInAChildJvm();
        List<String> restart = flywayClassesLoadedByOpeningInAChildJvm();

        assertThat(first)
                .as("the first start migrates, so this way of looking sees Flyway")
                .isNotEmpty();
        assertThat(restart).isEmpty();
    }

    private List<String> flywayClassesLoadedByOpeningInAChildJvm() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xlog:class+load=info:stdout",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OpenSqliteChild.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream out = child.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(output).contains("OPENED sqlite");
        return output.lines().filter(line -> line.contains(" org.flywaydb.")).toList();
    }

    @Test
    void a_new_file_is_not_current_and_flyway_creates_its_schema() {
        assertThat(isCurrent()).isFalse();

        openAndClose();

        assertThat(isCurrent()).isTrue();
    }

    @Test
    void a_file_whose_migration_was_changed_after_it_ran_is_not_current_and_flyway_refuses_it() throws SQLException {
        openAndClose();
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

        assertThat(isCurrent()).isFalse();
        assertThatThrownBy(this::openAndClose).hasMessageContaining("checksum mismatch for migration version 3");
    }

    @Test
    void a_file_with_a_failed_migration_is_not_current_and_flyway_refuses_it() throws SQLException {
        openAndClose();
        execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '7'");

        assertThat(isCurrent()).isFalse();
        assertThatThrownBy(this::openAndClose).hasMessageContaining("failed migration to version 7");
    }

    @Test
    void a_file_from_an_older_release_is_not_current_and_is_migrated_to_the_newest_version() throws SQLException {
        migrateUpTo("6");

        assertThat(isCurrent()).isFalse();
        openAndClose();

        assertThat(isCurrent()).isTrue();
        execute("SELECT * FROM login_failures");
    }

    @Test
    void a_file_from_a_newer_release_is_not_current_and_is_opened_through_flyway() throws SQLException {
        openAndClose();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (8, '8', 'from a newer release', 'SQL',"
                + " 'V8__from_a_newer_release.sql', 1234, '', 0, 1)");

        assertThat(isCurrent()).isFalse();
        assertThat(flywayLogWhileOpening()).anyMatch(message -> message.contains("newer than the latest available"));
    }

    @Test
    void a_file_that_failed_the_foreign_key_check_after_its_migration_fails_it_again_at_the_next_start()
            throws SQLException {
        migrateUpTo("6");
        // Foreign keys are off on this connection, as they are while migrations run.
        execute(
                "INSERT INTO locker_types (slug, name, created_at) VALUES ('medium', 'Medium', 0)",
                "INSERT INTO lockers (controller_id, bank_locker_number, locker_type_id, device_state,"
                        + " device_changed_at, out_of_service) VALUES (42, 1, 1, 'UNLOCKED', 0, FALSE)");

        assertThatThrownBy(this::openAndClose).hasMessageContaining("breaks a foreign key");

        assertThat(isCurrent()).as("the migration itself succeeded").isTrue();
        assertThatThrownBy(this::openAndClose).hasMessageContaining("breaks a foreign key");
    }

    @Test
    void a_file_checked_before_then_set_back_to_an_older_version_has_its_foreign_keys_checked_again()
            throws SQLException {
        openAndClose();
        execute(
                "DROP TABLE login_failures",
                "DELETE FROM flyway_schema_history WHERE version = '7'",
                "INSERT INTO locker_types (slug, name, created_at) VALUES ('medium', 'Medium', 0)",
                "INSERT INTO lockers (controller_id, bank_locker_number, locker_type_id, device_state,"
                        + " device_changed_at, out_of_service) VALUES (42, 1, 1, 'UNLOCKED', 0, FALSE)");

        assertThatThrownBy(this::openAndClose).hasMessageContaining("breaks a foreign key");
        assertThatThrownBy(this::openAndClose).hasMessageContaining("breaks a foreign key");
    }
}
