package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.DatabaseBackups;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBackupTest {

    @TempDir
    Path tmp;

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long count(Path file) throws SQLException {
        try (Connection connection = raw(file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM backup_probe")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Path databaseWithProbeTable() throws SQLException {
        Path dataDir = tmp.resolve("data");
        Database.sqlite(dataDir).close();
        Path file = dataDir.resolve(Database.SQLITE_FILE_NAME);
        try (Connection connection = raw(file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE backup_probe (n INTEGER PRIMARY KEY)");
        }
        return file;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void a_copy_taken_under_writes_holds_every_row_committed_before_it_and_is_checked() throws Exception {
        Path database = databaseWithProbeTable();
        try (Database open = Database.sqlite(database.getParent())) {
            AtomicLong committed = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try (Connection connection = raw(database);
                        Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA busy_timeout = 30000");
                    while (writing.get()) {
                        statement.execute("INSERT INTO backup_probe (n) VALUES (" + (committed.get() + 1) + ")");
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            while (committed.get() < 500) {
                Thread.sleep(5);
            }
            long before = committed.get();

            SqliteBackup.Copy copy = SqliteBackup.copy(database, tmp.resolve("copy.db"), false, Clock.systemUTC());

            long after = committed.get();
            writing.set(false);
            writer.join();
            assertThat(copy.file()).isEqualTo(tmp.resolve("copy.db").toAbsolutePath());
            assertThat(copy.bytes()).isEqualTo(Files.size(copy.file())).isPositive();
            long copied = count(copy.file());
            assertThat(copied).isBetween(before, after);
            assertThat(Files.exists(tmp.resolve("copy.db-wal"))).isFalse();
            assertThat(leftovers()).isEmpty();
        }
    }

    @Test
    void an_existing_file_is_never_replaced_without_overwrite() throws Exception {
        Path database = databaseWithProbeTable();
        Path target = Files.writeString(tmp.resolve("precious.db"), "not a backup");

        assertThatThrownBy(() -> SqliteBackup.copy(database, target, false, Clock.systemUTC()))
                .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(target)).isEqualTo("not a backup");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void overwrite_replaces_an_existing_file_with_a_checked_copy() throws Exception {
        Path database = databaseWithProbeTable();
        try (Connection connection = raw(database);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO backup_probe (n) VALUES (1), (2), (3)");
        }
        Path target = Files.writeString(tmp.resolve("old.db"), "an old backup");

        SqliteBackup.copy(database, target, true, Clock.systemUTC());

        assertThat(count(target)).isEqualTo(3);
    }

    @Test
    void the_database_itself_is_never_a_target_even_with_overwrite() throws Exception {
        Path database = databaseWithProbeTable();
        long size = Files.size(database);

        assertThatThrownBy(() -> SqliteBackup.copy(database, database, true, Clock.systemUTC()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the database itself");

        assertThat(Files.size(database)).isEqualTo(size);
        assertThat(count(database)).isZero();
    }

    @Test
    void a_missing_database_is_not_created() {
        Path missing = tmp.resolve("nothing/harbor.db");

        assertThatThrownBy(() -> SqliteBackup.copy(missing, tmp.resolve("copy.db"), false, Clock.systemUTC()))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);

        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.exists(tmp.resolve("copy.db"))).isFalse();
    }

    @Test
    void backups_of_a_running_database_go_into_its_backups_folder_named_by_time() throws Exception {
        try (Database database = Database.sqlite(tmp.resolve("data"))) {
            Instant at = Instant.parse("2026-12-03T17:35:12.123Z");

            DatabaseBackups.Outcome first = database.backups().backUp(at);
            DatabaseBackups.Outcome second = database.backups().backUp(at);

            Path folder = tmp.resolve("data/backups").toAbsolutePath();
            assertThat(first)
                    .isInstanceOf(DatabaseBackups.Outcome.Written.class)
                    .extracting(o -> ((DatabaseBackups.Outcome.Written) o).file())
                    .isEqualTo(folder.resolve("harbor-20261203T173512.123Z.db").toString());
            assertThat(((DatabaseBackups.Outcome.Written) second).file())
                    .isEqualTo(
                            folder.resolve("harbor-20261203T173512.123Z-2.db").toString());
            try (Connection copy = raw(folder.resolve("harbor-20261203T173512.123Z.db"));
                    Statement statement = copy.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                rows.next();
                assertThat(rows.getLong(1)).isPositive();
            }
        }
    }
}
