package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestTuning;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client keys end to end: {@code HARBOR_API_KEYS} from the environment, the demo layout, real HTTP,
 * and the audit trail of who created, opened and released a transaction in {@code GET /system/logs}.
 */
class ClientKeysGatewayTest {

    private static final String DESK_KEY = "desk-0123456789abcdef";
    private static final String BARE_KEY = "bare-fedcba9876543210";
    private static final String BASIC = AdminHttp.basic("admin", "correct horse battery");

    @TempDir
    Path dir;

    private HarborServer server;
    private AdminHttp http;

    @BeforeEach
    void start() {
        server = HarborServer.start(
                ConfigLoader.load(Map.of(
                        "HARBOR_DATA_DIR", dir.toString(),
                        "HARBOR_HTTP_HOST", "127.0.0.1",
                        "HARBOR_HTTP_PORT", "0",
                        "HARBOR_ADMIN_USERNAME", "admin",
                        "HARBOR_ADMIN_PASSWORD", "correct horse battery",
                        "HARBOR_API_KEYS", "front-desk:" + DESK_KEY + ", " + BARE_KEY)),
                TestTuning.quickLockout(3));
        http = new AdminHttp(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_client_needs_a_key_and_what_it_does_is_audited_under_the_key_name() throws Exception {
        assertThat(http.send("GET", "/health", null).status()).isEqualTo(200);
        AdminHttp.Reply refused = http.send("POST", "/transactions", "{\"transactionId\": \"order-1\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"harbor\"");

        AdminHttp.Reply created = http.send(
                "POST", "/transactions", "{\"transactionId\": \"order-1\"}", "Authorization", "Bearer " + DESK_KEY);
        assertThat(created.status()).isEqualTo(201);
        long lockerId = created.body().get("lockerId").asLong();
        assertThat(http.send("POST", "/transactions/order-1/open", null, "Authorization", "Bearer " + BARE_KEY)
                        .status())
                .isEqualTo(200);
        assertThat(http.send("DELETE", "/transactions/order-1", null, "Authorization", BASIC)
                        .status())
                .isEqualTo(204);
        assertThat(http.send("GET", "/system/logs", null, "Authorization", "Bearer " + DESK_KEY)
                        .status())
                .as("a client key never opens an admin route")
                .isEqualTo(401);

        List<String> audit = http.send("GET", "/system/logs?limit=1000", null, "Authorization", BASIC)
                .body()
                .findValuesAsText("message");
        assertThat(audit)
                .contains(
                        "key:front-desk transaction.create transaction order-1 -> OK (locker " + lockerId + ")",
                        "admin:admin transaction.release transaction order-1 -> OK (locker " + lockerId + ")")
                .anyMatch(m -> m.startsWith(
                        "key:key-2 transaction.open transaction order-1 -> OK (locker " + lockerId + ": opened after"));
        List<String> logged = MemoryLogBook.installed().recent(null, 1000, null).stream()
                .map(e -> e.message() + " " + e.error())
                .toList();
        assertThat(logged).anyMatch(m -> m.contains("client keys required (front-desk, key-2)"));
        assertThat(String.join("\n", logged)).doesNotContain(DESK_KEY).doesNotContain(BARE_KEY);
        assertThat(String.join("\n", audit)).doesNotContain(DESK_KEY).doesNotContain(BARE_KEY);
    }
}
