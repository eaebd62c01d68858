package dev.harbor.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class FlywayMigrationTest {

    @TempDir
    Path dir;

    @Test
    void flyway_builds_no_class_path_scanner_so_a_location_that_does_not_exist_is_never_looked_for() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("harbor.db"));

        // A scanner would refuse this location before migrating anything.
        MigrateResult result = FlywayMigration.configure(source, Dialect.SQLITE)
                .locations("classpath:db/no-such-location")
                .failOnMissingLocations(true)
                .load()
                .migrate();

        assertThat(result.migrationsExecuted)
                .isEqualTo(SchemaMigrations.of(Dialect.SQLITE).size());
    }
}
