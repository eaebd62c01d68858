package dev.harbor.persistence;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** {@link AuditTrail} on the append-only {@code audit_trail} table. */
public final class JdbiAuditTrail implements AuditTrail {

    private final Access db;

    JdbiAuditTrail(Access db) {
        this.db = db;
    }

    @Override
    public void record(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.at(), "at");
        Objects.requireNonNull(entry.actor(), "actor");
        Objects.requireNonNull(entry.action(), "action");
        Objects.requireNonNull(entry.outcome(), "outcome");
        db.writeOneStatement(h -> {
            insert(h, entry);
            return null;
        });
    }

    /** Appends {@code entry} inside the caller's database transaction: a store recording its own change. */
    static void insert(Handle h, Entry entry) {
        h.createUpdate("INSERT INTO audit_trail (at, actor, action, target, outcome, detail) "
                        + "VALUES (:at, :actor, :action, :target, :outcome, :detail)")
                .bind("at", Columns.millis(entry.at()))
                .bind("actor", entry.actor())
                .bind("action", entry.action())
                .bind("target", entry.target())
                .bind("outcome", entry.outcome())
                .bind("detail", entry.detail())
                .execute();
    }

    @Override
    public List<Entry> recent(int limit, Instant since) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return db.read(h -> {
            Query query = h.createQuery("SELECT at, actor, action, target, outcome, detail FROM audit_trail"
                    + (since == null ? "" : " WHERE at >= :since") + " ORDER BY at DESC, id DESC LIMIT :limit");
            if (since != null) {
                query.bind("since", Columns.millis(since));
            }
            return query.bind("limit", limit)
                    .map((rs, ctx) -> new Entry(
                            Columns.instant(rs, "at"),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("target"),
                            rs.getString("outcome"),
                            rs.getString("detail")))
                    .list();
        });
    }
}
