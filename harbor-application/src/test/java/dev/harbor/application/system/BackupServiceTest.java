package dev.harbor.application.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.application.system.BackUpDatabase.BackupResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupServiceTest {

    private static final Actor ADMIN = Actor.admin("admin");
    private static final Instant NOW = Instant.parse("2026-12-03T17:35:12.123Z");

    private final AuditTrail trail = new InMemoryDatabase().auditTrail();
    private final MutableClock clock = new MutableClock(NOW);
    private final Auditor auditor = new Auditor(trail, clock);
    private final List<Instant> askedAt = new ArrayList<>();

    @Test
    void a_copy_written_is_answered_and_audited_with_its_file_and_size() {
        DatabaseBackups backups = now -> {
            askedAt.add(now);
            return new DatabaseBackups.Outcome.Written("/data/backups/harbor-1.db", 4096, now);
        };

        BackupResult result =
                SystemUseCases.backUpDatabase(backups, auditor, clock).backUp(ADMIN);

        assertThat(result).isEqualTo(new BackupResult.Written("/data/backups/harbor-1.db", 4096, NOW));
        assertThat(askedAt).containsExactly(NOW);
        assertThat(trail.recent(10, null)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin:admin");
            assertThat(entry.action()).isEqualTo("system.backup");
            assertThat(entry.outcome()).isEqualTo("OK");
            assertThat(entry.detail()).contains("/data/backups/harbor-1.db", "4096 bytes");
        });
    }

    @Test
    void a_storage_backed_up_by_another_tool_says_which_and_nothing_is_audited() {
        BackupResult result = SystemUseCases.backUpDatabase(
                        now -> new DatabaseBackups.Outcome.NotSupported("use pg_dump"), auditor, clock)
                .backUp(ADMIN);

        assertThat(result).isEqualTo(new BackupResult.NotSupported("use pg_dump"));
        assertThat(trail.recent(10, null)).isEmpty();
    }

    @Test
    void a_failed_copy_is_audited_as_failed_and_thrown() {
        DatabaseBackups backups = now -> {
            throw new UncheckedIOException(new IOException("disk full"));
        };
        BackUpDatabase service = SystemUseCases.backUpDatabase(backups, auditor, clock);

        assertThatThrownBy(() -> service.backUp(ADMIN)).isInstanceOf(UncheckedIOException.class);

        assertThat(trail.recent(10, null)).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("FAILED");
            assertThat(entry.detail()).contains("disk full");
        });
    }
}
