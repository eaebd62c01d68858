package dev.harbor.application.port;

import java.time.Instant;
import java.util.List;

/** Every administrative change: who, what, when, outcome. Durable: it survives restarts. */
public interface AuditTrail {

    record Entry(Instant at, String actor, String action, String target, String outcome, String detail) {}

    void record(Entry entry);

    /** Newest first, at most {@code limit}, none older than {@code since} (null: no bound). */
    List<Entry> recent(int limit, Instant since);
}
