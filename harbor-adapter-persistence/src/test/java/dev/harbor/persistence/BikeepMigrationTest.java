package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.ControllerStore.NewController;
import dev.harbor.application.port.ControllerStore.NewLocker;
import dev.harbor.application.port.ControllerStore.Registered;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite rebuilds the {@code controllers} table in V6 to admit the bikeep transport: the rows, the
 * lockers' foreign key and the id sequence must come through it.
 */
class BikeepMigrationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void controllers_written_before_v6_keep_their_rows_lockers_and_id_sequence() throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dataDir.resolve(Database.SQLITE_FILE_NAME));
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("5")
                .load()
                .migrate();
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO locker_types (slug, name, created_at) VALUES ('medium', 'Medium', 0)");
            for (int n = 1; n <= 3; n++) {
                statement.executeUpdate(
                        "INSERT INTO controllers (name, protocol, transport_type, simulated_bus, bus_key,"
                                + " board_address, feedback_polarity, status_byte_order, discovered_via, created_at) VALUES"
                                + " ('Tower " + n + "', 'xor8a', 'simulated', 'bus-" + n + "', 'simulated:bus-" + n
                                + "', 1,"
                                + " 'SET_MEANS_LOCKED', 'HIGHEST_FIRST', 'MANUAL', 0)");
                statement.executeUpdate("INSERT INTO lockers (controller_id, bank_locker_number, locker_type_id,"
                        + " device_state, device_changed_at, out_of_service) VALUES (" + n + ", 1, 1, 'UNLOCKED', 0,"
                        + " FALSE)");
            }
            // The newest controller is removed: its id must not come back after the rebuild.
            statement.executeUpdate("DELETE FROM lockers WHERE controller_id = 3");
            statement.executeUpdate("DELETE FROM controllers WHERE id = 3");
        }

        try (Database database = Database.sqlite(dataDir)) {
            List<Controller> kept = database.controllerStore().findAll();
            assertThat(kept).extracting(Controller::name).containsExactly("Tower 1", "Tower 2");
            assertThat(kept.get(1).endpoint().transport()).isEqualTo(new Transport.Simulated("bus-2"));
            assertThat(kept).extracting(Controller::lockerCount).containsExactly(1, 1);
            assertThat(database.lockerStore().findAll())
                    .extracting(Locker::external)
                    .containsOnlyNulls();

            Registered location = database.controllerStore()
                    .register(
                            new NewController(
                                    "Station B",
                                    new BoardEndpoint(
                                            Protocol.BIKEEP,
                                            new Transport.Bikeep("loc-1"),
                                            0,
                                            ProtocolOptions.DEFAULTS),
                                    null,
                                    DiscoveredVia.MANUAL,
                                    T0),
                            List.of(new NewLocker(new LockerTypeId(1), ExternalDevice.bikeep("dev-a", "1", null))),
                            DeviceStatus.initial(T0));
            assertThat(location.controller().id().value()).isEqualTo(4);
        }
        try (Connection connection = sqliteWithForeignKeys().getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO lockers (controller_id, bank_locker_number,"
                            + " locker_type_id, device_state, device_changed_at, out_of_service)"
                            + " VALUES (3, 1, 1, 'UNLOCKED', 0, FALSE)"))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    private SQLiteDataSource sqliteWithForeignKeys() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dataDir.resolve(Database.SQLITE_FILE_NAME));
        return source;
    }
}
