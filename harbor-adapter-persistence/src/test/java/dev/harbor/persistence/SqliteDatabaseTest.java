package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    private static final Instant T0 = SampleData.T0;

    @TempDir
    Path tmp;

    private Connection raw(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.SQLITE_FILE_NAME));
    }

    @Test
    void the_first_start_creates_the_data_directory_and_a_wal_journaled_file() throws SQLException {
        Path dataDir = tmp.resolve("data/nested");

        try (Database db = Database.sqlite(dataDir)) {
            assertThat(db.storageName()).isEqualTo("sqlite");
            assertThat(db.isUp()).isTrue();
            assertThat(dataDir.resolve("harbor.db")).isRegularFile();
        }
        try (Connection c = raw(dataDir);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void a_closed_database_is_reported_down() {
        Database db = Database.sqlite(tmp);
        db.close();

        assertThat(db.isUp()).isFalse();
    }

    @Test
    void everything_written_is_still_there_after_closing_and_reopening_the_file() {
        SampleData written;
        try (Database db = Database.sqlite(tmp)) {
            written = SampleData.write(db);
        }

        try (Database reopened = Database.sqlite(tmp)) {
            written.assertStillIn(reopened);
        }
    }

    @Test
    void a_committed_transaction_survives_the_process_being_killed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillNineChild.class.getName(),
                        tmp.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals("COMMITTED")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the child's output:%n%s", seen).isEqualTo("COMMITTED");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no checkpoint
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Database db = Database.sqlite(tmp)) {
            assertThat(db.transactionStore().findActive())
                    .extracting(t -> t.id().value())
                    .containsExactly("order-1138");
            Locker locker = db.lockerStore().findAll().get(0);
            assertThat(locker.device().holder()).isEqualTo("order-1138");
        }
    }

    @Test
    void a_file_at_the_first_schema_version_is_migrated_without_losing_its_rows() throws SQLException {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + tmp.resolve(Database.SQLITE_FILE_NAME), null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("1")
                .load()
                .migrate();
        try (Connection c = raw(tmp);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO locker_types (slug, name, created_at) VALUES ('medium', 'Medium', "
                    + T0.toEpochMilli() + ")");
            s.execute("INSERT INTO controllers (name, protocol, transport_type, simulated_bus, bus_key, board_address, "
                    + "feedback_polarity, status_byte_order, discovered_via, created_at) VALUES ('Old tower', 'xor8a', "
                    + "'simulated', 'bus', 'simulated:bus', 1, 'SET_MEANS_LOCKED', 'HIGHEST_FIRST', 'LAYOUT', "
                    + T0.toEpochMilli() + ")");
            s.execute("INSERT INTO lockers (controller_id, bank_locker_number, locker_type_id, device_state, "
                    + "device_changed_at, out_of_service) VALUES (1, 1, 1, 'UNLOCKED', " + T0.toEpochMilli() + ", 0)");
        }

        try (Database db = Database.sqlite(tmp)) {
            List<Locker> lockers = db.lockerStore().findAll();
            assertThat(lockers).hasSize(1);
            assertThat(lockers.get(0).device()).isEqualTo(DeviceStatus.initial(T0));
            assertThat(db.controllerStore().findAll()).extracting(c -> c.name()).containsExactly("Old tower");
            assertThat(db.transactionStore()
                            .assign(
                                    new TransactionId("after-upgrade"),
                                    List.of(lockers.get(0).id()),
                                    new DeviceStatus(DeviceState.BOOKED, T0, null, "after-upgrade", null, null, null),
                                    T0))
                    .isInstanceOf(Assignment.Assigned.class);
        }
    }

    @Test
    void the_file_itself_refuses_a_second_active_transaction_on_one_locker_and_a_second_locker_for_one_holder()
            throws SQLException {
        LockerId first;
        LockerId second;
        try (Database db = Database.sqlite(tmp)) {
            SampleData sample = SampleData.write(db);
            first = sample.lockers().get(0).id();
            second = sample.lockers().get(1).id();
        }
        try (Connection c = raw(tmp);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO transactions (id, locker_id, created_at) VALUES ('x-1', 77, 1)");
            assertThatThrownBy(() ->
                            s.execute("INSERT INTO transactions (id, locker_id, created_at) VALUES ('x-2', 77, 1)"))
                    .hasMessageContaining("UNIQUE");
            s.execute("UPDATE lockers SET device_state = 'BOOKED', holder = 'dup' WHERE id = " + first.value());
            assertThatThrownBy(() -> s.execute(
                            "UPDATE lockers SET device_state = 'BOOKED', holder = 'dup' WHERE id = " + second.value()))
                    .hasMessageContaining("UNIQUE");
            // A free locker with a holder would be skipped forever by assign.
            assertThatThrownBy(() -> s.execute("UPDATE lockers SET holder = 'x' WHERE id = " + second.value()))
                    .hasMessageContaining("CHECK");
        }
    }
}
