package dev.harbor.application.fakes;

import dev.harbor.application.port.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link AuditTrail} on an {@link InMemoryDatabase}. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final InMemoryDatabase db;

    InMemoryAuditTrail(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void record(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.at(), "at");
        Objects.requireNonNull(entry.actor(), "actor");
        Objects.requireNonNull(entry.action(), "action");
        Objects.requireNonNull(entry.outcome(), "outcome");
        Entry stored = new Entry(
                InMemoryDatabase.millis(entry.at()),
                entry.actor(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                entry.detail());
        synchronized (db) {
            db.audit.add(stored);
        }
    }

    @Override
    public List<Entry> recent(int limit, Instant since) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative: " + limit);
        }
        Instant bound = InMemoryDatabase.millis(since);
        synchronized (db) {
            List<Entry> newestFirst = new ArrayList<>();
            // Newest first by time, and among equal times the one recorded last first, as the table's id does.
            for (int i = db.audit.size() - 1; i >= 0; i--) {
                newestFirst.add(db.audit.get(i));
            }
            return newestFirst.stream()
                    .sorted((a, b) -> b.at().compareTo(a.at()))
                    .filter(e -> bound == null || !e.at().isBefore(bound))
                    .limit(limit)
                    .toList();
        }
    }
}
