package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestTuning;
import dev.harbor.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A door-open timeout an older version accepted (9300000000000 ms) and stored made every open
 * fail, across restarts. Now such a row costs that one setting, not the doors.
 */
class StoredSettingsOutOfRangeTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "correct horse battery";
    private static final String LAYOUT = """
            { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
              "bankTypes": [ { "name": "Two", "lockers": ["small", "small"] } ],
              "controllers": [] }
            """;

    @TempDir
    Path dir;

    @Test
    void a_stored_door_timeout_out_of_range_falls_back_to_its_default_and_doors_still_open() throws Exception {
        Files.writeString(dir.resolve("layout.json"), LAYOUT);
        long lockerId;
        try (HarborServer server = start()) {
            AdminHttp http = new AdminHttp(server.port());
            String basic = AdminHttp.basic(USER, PASSWORD);
            long bankTypeId = http.send("GET", "/bank-types", null)
                    .body()
                    .get(0)
                    .get("bankTypeId")
                    .asLong();
            AdminHttp.Reply added = http.send(
                    "POST",
                    "/controllers",
                    "{\"name\":\"Tower\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"simulated\",\"bus\":\"bus-a\"},"
                            + "\"boardAddress\":0,\"bankTypeId\":" + bankTypeId + "}",
                    "Authorization",
                    basic);
            assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
            lockerId = added.body().get("lockers").get(0).get("lockerId").asLong();
            assertThat(http.send("PATCH", "/system", "{\"name\":\"Lobby\"}", "Authorization", basic)
                            .status())
                    .isEqualTo(200);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.SQLITE_FILE_NAME));
                Statement sql = db.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE runtime_settings SET door_attempt_timeout_ms = 9300000000000"))
                    .isEqualTo(1);
        }

        try (HarborServer server = start()) {
            AdminHttp http = new AdminHttp(server.port());

            AdminHttp.Reply opened = http.send("POST", "/lockers/" + lockerId + "/open", null);
            assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(200);
            AdminHttp.Reply system = http.send("GET", "/system", null);
            assertThat(system.body()
                            .at("/config/doorOpenPolicy/attemptTimeoutMs")
                            .asLong())
                    .isEqualTo(20_000);
            assertThat(system.body().at("/config/name").asText()).isEqualTo("Lobby");
        }
    }

    private HarborServer start() throws Exception {
        Map<String, String> env = Map.of(
                "HARBOR_DATA_DIR",
                dir.toString(),
                "HARBOR_HTTP_HOST",
                "127.0.0.1",
                "HARBOR_HTTP_PORT",
                "0",
                "HARBOR_LAYOUT_FILE",
                dir.resolve("layout.json").toString(),
                "HARBOR_ADMIN_USERNAME",
                USER,
                "HARBOR_ADMIN_PASSWORD",
                PASSWORD);
        return HarborServer.start(ConfigLoader.load(env), TestTuning.quickLockout(3));
    }
}
