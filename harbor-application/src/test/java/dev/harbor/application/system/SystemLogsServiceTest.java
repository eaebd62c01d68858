package dev.harbor.application.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemLogsServiceTest {

    private static final Instant AT = Instant.parse("2026-02-20T22:56:40.123Z");

    private final List<Instant> sinceAsked = new ArrayList<>();

    /** Counts time in epoch milliseconds, as the real log book and audit trail do. */
    private final LogBook logBook = (level, limit, since) -> {
        sinceAsked.add(since);
        if (since != null && since.toEpochMilli() > AT.toEpochMilli()) {
            return List.of();
        }
        return List.of(new LogEntry(AT, "WARN", "dev.harbor.Test", "link down", null));
    };

    private final AuditTrail auditTrail = new AuditTrail() {
        @Override
        public void record(Entry entry) {}

        @Override
        public List<Entry> recent(int limit, Instant since) {
            sinceAsked.add(since);
            if (since != null && since.toEpochMilli() > AT.toEpochMilli()) {
                return List.of();
            }
            return List.of(new Entry(AT.minusSeconds(1), "admin", "system.settings", "system", "OK", null));
        }
    };

    private final SystemLogsService logs = new SystemLogsService(logBook, auditTrail);

    @Test
    void a_since_beyond_the_last_representable_moment_finds_nothing_instead_of_overflowing() {
        assertThat(logs.recent(null, 10, Instant.parse("+999999999-12-31T23:59:59.999Z")))
                .isEmpty();
        assertThat(logs.recent(null, 10, Instant.MAX)).isEmpty();
    }

    @Test
    void a_since_before_the_epoch_is_no_bound_at_all() {
        assertThat(logs.recent(null, 10, Instant.parse("-999999999-01-01T00:00:00Z")))
                .hasSize(2);
        assertThat(logs.recent(null, 10, Instant.MIN)).hasSize(2);

        assertThat(sinceAsked).containsOnlyNulls();
    }

    @Test
    void a_since_within_range_is_passed_through() {
        Instant since = Instant.parse("2026-02-20T00:00:00Z");

        assertThat(logs.recent("INFO", 10, since)).hasSize(2);
        assertThat(sinceAsked).containsOnly(since);
    }
}
