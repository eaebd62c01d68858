package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.contract.WebhookDeliveriesContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected WebhookDeliveries emptyStore() {
        return sqlite.database().webhookDeliveries();
    }

    @Test
    void a_delivery_is_still_known_after_a_restart() throws Exception {
        Path dir = Files.createTempDirectory("harbor-webhooks");
        String id = "d".repeat(64);
        try (Database first = Database.sqlite(dir)) {
            assertThat(first.webhookDeliveries().recordFirst(id, Instant.parse("2026-02-20T22:56:40Z")))
                    .isTrue();
        }
        try (Database second = Database.sqlite(dir)) {
            assertThat(second.webhookDeliveries().recordFirst(id, Instant.parse("2026-02-20T22:57:40Z")))
                    .isFalse();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
