package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.SettingsStore.StoredSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Settings stored as name-value strings before V4 are read back, typed, after it. */
class SettingsMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void settings_stored_by_earlier_versions_load_after_the_upgrade_and_the_gateway_id_is_kept() throws Exception {
        Files.createDirectories(dataDir);
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dataDir.resolve("harbor.db"));
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("3")
                .load()
                .migrate();
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO settings (name, value) VALUES"
                    + " ('gatewayId', 'gw-1'), ('name', 'Lobby'), ('doorOpen.attemptTimeoutMs', '5000'),"
                    + " ('doorOpen.maxAttempts', '4'), ('doorOpen.delayMs', '250'),"
                    + " ('heartbeat.unhealthyAfterMs', '10000'), ('heartbeat.deadAfterMs', '20000'),"
                    + " ('heartbeat.longDeadAfterMs', '3600000'), ('logLevel', 'WARN')");
        }

        try (Database database = Database.sqlite(dataDir)) {
            assertThat(database.settingsStore().load())
                    .contains(new StoredSettings(
                            "Lobby",
                            Duration.ofSeconds(5),
                            4,
                            Duration.ofMillis(250),
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(20),
                            Duration.ofHours(1),
                            "WARN"));
            assertThat(database.settingsStore().gatewayId("another")).isEqualTo("gw-1");
        }
    }
}
