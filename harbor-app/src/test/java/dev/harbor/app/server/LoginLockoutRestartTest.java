package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestDatabases;
import dev.harbor.application.auth.AuthSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lockout of repeated failed sign-ins outlives a restart of the gateway on the same data: a
 * guesser cannot get a fresh allowance by making the gateway restart.
 */
class LoginLockoutRestartTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "correct horse battery";
    /** Three failures lock a client out for ten minutes: far longer than a restart takes. */
    private static final HarborServer.Tuning TUNING = new HarborServer.Tuning(
            new AuthSettings(
                    Duration.ofHours(8),
                    Duration.ofHours(24),
                    3,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(20),
                    12),
            4,
            Duration.ofMillis(100));

    @TempDir
    Path dir;

    private HarborServer server;
    private String postgresUrl;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgresUrl != null) {
            TestDatabases.dropSchemaOf(postgresUrl);
        }
    }

    @Test
    void a_lockout_survives_a_restart_on_sqlite() throws Exception {
        lockOutThenRestart(Map.of());
    }

    @Tag("postgres")
    @Test
    void a_lockout_survives_a_restart_on_postgresql() throws Exception {
        postgresUrl = TestDatabases.freshPostgresSchema();
        lockOutThenRestart(Map.of("HARBOR_DB_URL", postgresUrl));
    }

    private void lockOutThenRestart(Map<String, String> database) throws Exception {
        AdminHttp http = start(database);
        String wrong = AdminHttp.basic(USER, "wrong password");
        assertThat(http.send("POST", "/auth/login", null, "Authorization", wrong)
                        .status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/auth/login", null, "Authorization", wrong)
                        .status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/auth/login", null, "Authorization", wrong)
                        .status())
                .isEqualTo(429);

        server.close();
        server = null;
        http = start(database);

        AdminHttp.Reply right =
                http.send("POST", "/auth/login", null, "Authorization", AdminHttp.basic(USER, PASSWORD));
        assertThat(right.status()).as(String.valueOf(right.body())).isEqualTo(429);
        assertThat(right.error()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(right.header("Retry-After"))).isPositive();
    }

    private AdminHttp start(Map<String, String> database) throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.put("HARBOR_DATA_DIR", dir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_ADMIN_USERNAME", USER);
        env.put("HARBOR_ADMIN_PASSWORD", PASSWORD);
        server = HarborServer.start(ConfigLoader.load(env), TUNING);
        return new AdminHttp(server.port());
    }
}
