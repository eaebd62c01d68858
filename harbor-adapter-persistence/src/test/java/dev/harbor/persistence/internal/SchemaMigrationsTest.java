package dev.harbor.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaMigrationsTest {

    /** The sources, not the build's copy of them: a file added there must be named in the list. */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void the_list_names_exactly_the_files_under_db_migration() throws IOException {
        assertThat(MIGRATIONS).isDirectory();
        List<String> files;
        try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
            files = walk.filter(Files::isRegularFile)
                    .map(file -> MIGRATIONS.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }

        assertThat(SchemaMigrations.files()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void each_dialect_receives_the_common_migrations_and_its_own_oldest_first() {
        for (Dialect dialect : Dialect.values()) {
            List<Migration> migrations = SchemaMigrations.of(dialect);

            assertThat(migrations).extracting(Migration::version).containsExactly("1", "2", "3", "4", "5", "6", "7");
            assertThat(migrations)
                    .filteredOn(m -> m.version().equals("1") || m.version().equals("6"))
                    .extracting(Migration::resource)
                    .allMatch(resource -> resource.startsWith("db/migration/" + dialect.storageName() + "/"));
            assertThat(migrations)
                    .filteredOn(m -> !m.version().equals("1") && !m.version().equals("6"))
                    .extracting(Migration::resource)
                    .allMatch(resource -> resource.startsWith("db/migration/common/"));
        }
    }

    @Test
    void version_and_description_come_from_the_file_name_as_flyway_reads_them() {
        Migration migration = Migration.of("db/migration/common/V10_2__login_failures_by_address.sql");

        assertThat(migration.version()).isEqualTo("10.2");
        assertThat(migration.description()).isEqualTo("login failures by address");
        assertThat(migration.fileName()).isEqualTo("V10_2__login_failures_by_address.sql");
    }

    @Test
    void versions_are_ordered_by_number_not_by_text() {
        List<Migration> unordered = Stream.of("V10__c.sql", "V9__b.sql", "V9_1__b2.sql", "V1__a.sql")
                .map(name -> Migration.of("db/migration/common/" + name))
                .toList();

        assertThat(unordered.stream().sorted(Migration.BY_VERSION).map(Migration::version))
                .containsExactly("1", "9", "9.1", "10");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "db/checksum/V1__crlf_bom_and_non_ascii.sql",
                "db/checksum/V2__trailing_blank_lines.sql",
                "db/checksum/V3__old_mac_line_ends.sql"
            })
    void the_checksum_is_the_one_flyway_computes_whatever_the_line_endings_marks_and_characters(String resource) {
        Migration migration = Migration.of(resource);

        assertThat(migration.checksum())
                .isEqualTo(ChecksumCalculator.calculate(new ShippedMigrationResource(migration)));
    }

    @Test
    void the_checksum_changes_with_any_change_to_a_line() {
        Migration crlf = Migration.of("db/checksum/V1__crlf_bom_and_non_ascii.sql");
        Migration blankLines = Migration.of("db/checksum/V2__trailing_blank_lines.sql");

        assertThat(crlf.checksum()).isNotEqualTo(blankLines.checksum());
    }
}
