package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.testing.AdminHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /system/reboot} on a gateway running as its own process, with a harmless reboot
 * command: the answer arrives, the gateway stops cleanly by itself, then the command runs, and
 * nothing is lost when it starts again.
 */
class RebootTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String BASIC = AdminHttp.basic("admin", "correct horse battery");

    @TempDir
    Path dir;

    @Test
    void a_reboot_answers_202_stops_the_gateway_cleanly_runs_the_command_and_loses_no_transaction() throws Exception {
        Path marker = dir.resolve("rebooted");
        Map<String, String> environment = new HashMap<>(Map.of(
                "HARBOR_DATA_DIR", dir.resolve("data").toString(),
                "HARBOR_ADMIN_USERNAME", "admin",
                "HARBOR_ADMIN_PASSWORD", "correct horse battery"));
        environment.put("HARBOR_REBOOT_COMMAND", "touch '" + marker + "'");
        long lockerId;
        List<String> output;
        try (GatewayProcess gateway = GatewayProcess.start(environment)) {
            AdminHttp http = new AdminHttp(gateway.awaitPort(START));
            AdminHttp.Reply created = http.send("POST", "/transactions", "{\"transactionId\":\"before-reboot\"}");
            assertThat(created.status()).isEqualTo(201);
            lockerId = created.body().get("lockerId").asLong();

            AdminHttp.Reply reboot = http.send("POST", "/system/reboot", null, "Authorization", BASIC);

            assertThat(reboot.status()).isEqualTo(202);
            assertThat(reboot.body().get("success").asBoolean()).isTrue();
            assertThat(gateway.awaitExit(Duration.ofSeconds(60)))
                    .as("the gateway exits by itself:\n%s", String.join("\n", gateway.output()))
                    .isTrue();
            assertThat(gateway.exitValue()).isZero();
            output = gateway.output();
        }
        assertThat(Files.exists(marker)).as("the reboot command ran").isTrue();
        int stopped = indexOf(output, "Harbor stopped");
        int command = indexOf(output, "running the reboot command");
        assertThat(stopped).as(String.join("\n", output)).isNotNegative().isLessThan(command);

        environment.remove("HARBOR_REBOOT_COMMAND");
        try (GatewayProcess restarted = GatewayProcess.start(environment)) {
            AdminHttp http = new AdminHttp(restarted.awaitPort(START));
            AdminHttp.Reply kept = http.send("GET", "/transactions/before-reboot", null);
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.body().get("lockerId").asLong()).isEqualTo(lockerId);
            assertThat(http.send("GET", "/system/logs?limit=1000", null, "Authorization", BASIC)
                            .body()
                            .findValuesAsText("message"))
                    .anyMatch(m -> m.contains("admin:admin system.reboot gateway -> OK"));
            AdminHttp.Reply disabled = http.send("POST", "/system/reboot", null, "Authorization", BASIC);
            assertThat(disabled.status()).isEqualTo(409);
            assertThat(disabled.body().get("message").asText()).contains("HARBOR_REBOOT_COMMAND");
            restarted.stop(Duration.ofSeconds(30));
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
