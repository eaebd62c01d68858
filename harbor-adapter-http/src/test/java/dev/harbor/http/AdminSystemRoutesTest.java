package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.system.BackUpDatabase.BackupResult;
import dev.harbor.application.system.RebootGateway.RebootResult;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Network refresh, reboot, the Sentry test, and reporting of unhandled errors. */
class AdminSystemRoutesTest extends ApiTest {

    @Test
    void network_refresh_answers_the_network_part_of_system() {
        ApiClient.Reply reply = client.adminPost("/system/network/refresh");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("interfaces").get(0).get("name").asText()).isEqualTo("eth0");
    }

    @Test
    void reboot_scheduled_is_202() {
        ApiClient.Reply reply = client.adminPost("/system/reboot");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(admin.reboots).isEqualTo(1);
    }

    @Test
    void reboot_disabled_is_409_naming_the_setting() {
        admin.rebootResult = new RebootResult.Disabled();

        ApiClient.Reply reply = client.adminPost("/system/reboot").error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).contains("HARBOR_REBOOT_COMMAND");
    }

    @Test
    void backup_answers_the_file_its_size_and_when_it_was_taken() {
        ApiClient.Reply reply = client.adminPost("/system/backup");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(reply.json().get("file").asText())
                .isEqualTo("/var/lib/harbor/backups/harbor-20260220T225640.123Z.db");
        assertThat(reply.json().get("bytes").asLong()).isEqualTo(81920);
        assertThat(reply.json().get("createdAt").asText()).isEqualTo("2026-02-20T22:56:40.123Z");
        assertThat(admin.backups).isEqualTo(1);
        assertThat(admin.lastActor.name()).isEqualTo("admin:admin");
    }

    @Test
    void backup_of_a_storage_backed_up_by_another_tool_is_409_naming_it() {
        admin.backupResult = new BackupResult.NotSupported("The database is PostgreSQL: back it up with pg_dump");

        ApiClient.Reply reply = client.adminPost("/system/backup").error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).contains("pg_dump");
    }

    @Test
    void sentry_test_without_a_dsn_is_409_naming_the_setting() {
        ApiClient.Reply reply = client.adminPost("/diagnostics/sentry-test").error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).contains("HARBOR_SENTRY_DSN");
    }

    @Test
    void sentry_test_answers_the_event_id() {
        admin.reporting = true;

        ApiClient.Reply reply = client.adminPost("/diagnostics/sentry-test");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(reply.json().get("eventId").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void sentry_test_dropped_by_the_sdk_says_so() {
        admin.reporting = true;
        admin.testEventId = Optional.empty();

        ApiClient.Reply reply = client.adminPost("/diagnostics/sentry-test");

        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.json().get("eventId").isNull()).isTrue();
    }

    @Test
    void an_unhandled_error_is_a_plain_500_and_is_reported_when_reporting_is_on() {
        admin.reporting = true;
        gateway.healthFailure = new IllegalStateException("bug");

        ApiClient.Reply reply = client.send(
                        "GET", "/health", HttpRequest.BodyPublishers.noBody(), "Authorization", ApiClient.ADMIN_BASIC)
                .error(500, "INTERNAL_ERROR");

        assertThat(reply.body()).doesNotContain("bug", "IllegalStateException");
        assertThat(admin.reported).containsExactly(gateway.healthFailure);
        assertThat(admin.reportContexts).containsExactly("GET /health");
    }

    @Test
    void an_unhandled_error_is_not_reported_when_reporting_is_off() {
        gateway.healthFailure = new IllegalStateException("bug");

        client.get("/health").error(500, "INTERNAL_ERROR");

        assertThat(admin.reported).isEmpty();
    }

    @Test
    void expected_errors_are_not_reported() {
        admin.reporting = true;

        client.get("/lockers/99").error(404, "LOCKER_NOT_FOUND");
        client.get("/controllers").error(401, "UNAUTHORIZED");

        assertThat(admin.reported).isEmpty();
    }
}
