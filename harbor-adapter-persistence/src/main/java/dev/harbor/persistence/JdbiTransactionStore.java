package dev.harbor.persistence;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import dev.harbor.persistence.internal.DeviceColumns;
import dev.harbor.persistence.internal.Dialect;
import dev.harbor.persistence.internal.Rows;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link TransactionStore} on the {@code transactions} and {@code lockers} tables. A locker is
 * handed out by a conditional UPDATE that only a free, unheld locker matches, so concurrent
 * assignments serialise on the locker row (PostgreSQL re-checks the condition after waiting for
 * the row lock; SQLite has a single writer); the partial unique index on active transactions
 * backs this up inside the database itself.
 *
 * <p>A create and a release are each one round trip on PostgreSQL: a single statement whose
 * data-modifying CTEs take (or free) the locker, write the transaction and append the audit entry,
 * durable when it returns (in auto-commit when it is the only write waiting, else in the
 * transaction it shares with the writes beside it: {@code Access.writeOneStatement}). SQLite has no data-modifying CTEs: there the same
 * writes are separate statements of one database transaction, in process and with one commit.
 */
public final class JdbiTransactionStore implements TransactionStore {

    private static final int MAX_ATTEMPTS = 5;

    /** A locker {@code l} that may be handed out. */
    private static final String FREE = "l.device_state = '" + DeviceState.UNLOCKED.name() + "' AND l.holder IS NULL"
            // A locker taken out of service a moment ago must not be handed out by a create that
            // chose it from an older read.
            + " AND NOT l.out_of_service"
            + " AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.locker_id = l.id AND t.released_at IS NULL)";

    /** An active transaction {@code transactions} on a locker of our own boards. */
    private static final String ON_OWN_LOCKER = " AND EXISTS (SELECT 1 FROM lockers l"
            + " WHERE l.id = transactions.locker_id AND l.external_device_id IS NULL)";

    private static final String AUDIT_COLUMNS = "INSERT INTO audit_trail (at, actor, action, target, outcome, detail) ";

    /**
     * The first free locker of the comma-separated {@code :candidates}, in their order, locked for
     * this statement. Skipping the rows other creates have locked lets concurrent creates take
     * different lockers instead of queueing on one.
     */
    private static String pgFirstFree(boolean skipLocked) {
        return "SELECT l.id FROM lockers l"
                + " JOIN unnest(CAST(string_to_array(:candidates, ',') AS bigint[])) WITH ORDINALITY AS c(id, position)"
                + " ON c.id = l.id WHERE " + FREE + " ORDER BY c.position LIMIT 1 FOR UPDATE OF l"
                + (skipLocked ? " SKIP LOCKED" : "");
    }

    private static String pgTake(boolean skipLocked, boolean audited) {
        return "WITH taken AS (UPDATE lockers SET " + DeviceColumns.assignments("b_")
                + " WHERE id = (" + pgFirstFree(skipLocked) + ") RETURNING id),"
                + " created AS (INSERT INTO transactions (id, locker_id, created_at, open_count, released_at)"
                + " SELECT :id, id, :createdAt, 0, NULL FROM taken RETURNING locker_id)"
                + (audited ? ", audited AS (" + pgAudit("created") + ")" : "")
                + " SELECT locker_id FROM created";
    }

    private static String pgRelease(boolean ownOnly, boolean audited) {
        return "WITH released AS (UPDATE transactions SET released_at = :releasedAt"
                + " WHERE id = :id AND released_at IS NULL" + (ownOnly ? ON_OWN_LOCKER : "")
                + " RETURNING " + Rows.TRANSACTION_COLUMNS + "),"
                + " freed AS (UPDATE lockers SET " + DeviceColumns.assignments("f_")
                + " FROM released WHERE lockers.id = released.locker_id)"
                + (audited ? ", audited AS (" + pgAudit("released") + ")" : "")
                + " SELECT " + Rows.TRANSACTION_COLUMNS + " FROM released";
    }

    /** The audit entry of {@link AuditTrail.LockerChange}, naming the {@code locker_id} of {@code changed}. */
    private static String pgAudit(String changed) {
        return AUDIT_COLUMNS + "SELECT :auditAt, :auditActor, :auditAction, :auditTarget, :auditOutcome,"
                + " :auditDetailPrefix || CAST(locker_id AS TEXT) FROM " + changed;
    }

    private static final String SQLITE_TAKE = "UPDATE lockers SET " + DeviceColumns.assignments("b_")
            + " WHERE id = (SELECT l.id FROM json_each('[' || :candidates || ']') c JOIN lockers l ON l.id = c.value"
            + " WHERE " + FREE + " ORDER BY c.key LIMIT 1) RETURNING id";

    private static final String PG_TAKE_SKIPPING = pgTake(true, false);
    private static final String PG_TAKE_SKIPPING_AUDITED = pgTake(true, true);
    private static final String PG_TAKE_WAITING = pgTake(false, false);
    private static final String PG_TAKE_WAITING_AUDITED = pgTake(false, true);
    private static final String PG_RELEASE = pgRelease(false, false);
    private static final String PG_RELEASE_OWN_AUDITED = pgRelease(true, true);

    private final Access db;

    JdbiTransactionStore(Access db) {
        this.db = db;
    }

    @Override
    public List<Transaction> findActive() {
        return db.read(h -> h
                .createQuery("SELECT " + Rows.TRANSACTION_COLUMNS + " FROM transactions WHERE released_at IS NULL")
                .map(Rows.TRANSACTION)
                .list()
                .stream()
                // Sorted here, not in SQL: PostgreSQL's collation would break ties differently from SQLite.
                .sorted(Rows.OLDEST_FIRST)
                .toList());
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        return db.read(h -> find(h, id));
    }

    @Override
    public Assignment assign(
            TransactionId id,
            List<LockerId> candidates,
            DeviceStatus booked,
            Instant now,
            AuditTrail.LockerChange audit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(now, "now");
        if (!id.value().equals(booked.holder())) {
            throw new IllegalArgumentException(
                    "the booked status must hold the locker for transaction " + id + ", got " + booked);
        }
        Take take = new Take(id, candidates, booked, now.truncatedTo(ChronoUnit.MILLIS), audit);
        for (int attempt = 1; ; attempt++) {
            try {
                // No look for the id first: a taken id fails the INSERT on its primary key, which
                // undoes the whole statement or transaction, locker included.
                Optional<LockerId> taken = take(take, true);
                if (taken.isEmpty()) {
                    Optional<Transaction> existing = find(id);
                    if (existing.isPresent()) {
                        return new Assignment.AlreadyExists(existing.get());
                    }
                    // A candidate skipped as locked may be free again (its create failed): wait for it.
                    if (db.dialect() == Dialect.POSTGRESQL) {
                        taken = take(take, false);
                    }
                }
                return taken.<Assignment>map(
                                locker -> new Assignment.Assigned(Transaction.started(id, locker, take.createdAt())))
                        .orElseGet(Assignment.NoLockerFree::new);
            } catch (RuntimeException e) {
                // The normal race for one id: another assign inserted it first and committed while
                // we waited on the primary key. Report it like any existing id.
                if (!Dialect.isUniqueViolation(e)) {
                    throw e;
                }
                Optional<Transaction> existing = find(id);
                if (existing.isPresent()) {
                    return new Assignment.AlreadyExists(existing.get());
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private record Take(
            TransactionId id,
            List<LockerId> candidates,
            DeviceStatus booked,
            Instant createdAt,
            AuditTrail.LockerChange audit) {

        String candidateList() {
            return candidates.stream().map(c -> Long.toString(c.value())).collect(Collectors.joining(","));
        }
    }

    /** Takes the first free candidate for the transaction and records it; empty when none was free. */
    private Optional<LockerId> take(Take take, boolean skipLocked) {
        if (take.candidates().isEmpty()) {
            return Optional.empty();
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            String sql = take.audit() == null
                    ? (skipLocked ? PG_TAKE_SKIPPING : PG_TAKE_WAITING)
                    : (skipLocked ? PG_TAKE_SKIPPING_AUDITED : PG_TAKE_WAITING_AUDITED);
            return db.writeOneStatement(
                    h -> bindAudit(DeviceColumns.bind(h.createQuery(sql), "b_", take.booked()), take.audit())
                            .bind("candidates", take.candidateList())
                            .bind("id", take.id().value())
                            .bind("createdAt", Columns.millis(take.createdAt()))
                            .mapTo(Long.class)
                            .findOne()
                            .map(LockerId::of));
        }
        return db.write(h -> {
            Optional<LockerId> taken = DeviceColumns.bind(h.createQuery(SQLITE_TAKE), "b_", take.booked())
                    .bind("candidates", take.candidateList())
                    .mapTo(Long.class)
                    .findOne()
                    .map(LockerId::of);
            taken.ifPresent(locker -> {
                h.createUpdate("INSERT INTO transactions (id, locker_id, created_at, open_count, released_at) "
                                + "VALUES (:id, :lockerId, :createdAt, 0, NULL)")
                        .bind("id", take.id().value())
                        .bind("lockerId", locker.value())
                        .bind("createdAt", Columns.millis(take.createdAt()))
                        .execute();
                if (take.audit() != null) {
                    JdbiAuditTrail.insert(h, take.audit().on(locker));
                }
            });
            return taken;
        });
    }

    @Override
    public Optional<Transaction> release(TransactionId id, DeviceStatus freed, Instant now) {
        return release(id, freed, now, false, null);
    }

    @Override
    public Optional<Transaction> releaseOwn(
            TransactionId id, DeviceStatus freed, Instant now, AuditTrail.LockerChange audit) {
        Objects.requireNonNull(audit, "audit");
        return release(id, freed, now, true, audit);
    }

    private Optional<Transaction> release(
            TransactionId id, DeviceStatus freed, Instant now, boolean ownOnly, AuditTrail.LockerChange audit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (freed.isHeld()) {
            throw new IllegalArgumentException("a released locker must be left unheld, got " + freed);
        }
        Instant releasedAt = now.truncatedTo(ChronoUnit.MILLIS);
        if (db.dialect() == Dialect.POSTGRESQL) {
            String sql = ownOnly ? PG_RELEASE_OWN_AUDITED : PG_RELEASE;
            return db.writeOneStatement(h -> bindAudit(DeviceColumns.bind(h.createQuery(sql), "f_", freed), audit)
                    .bind("releasedAt", Columns.millis(releasedAt))
                    .bind("id", id.value())
                    .map(Rows.TRANSACTION)
                    .findOne());
        }
        return db.write(h -> {
            // The transaction's row is the one both a release and an undo change first: a second
            // release finds it released.
            Optional<Transaction> released = h.createQuery("UPDATE transactions SET released_at = :releasedAt"
                            + " WHERE id = :id AND released_at IS NULL" + (ownOnly ? ON_OWN_LOCKER : "")
                            + " RETURNING " + Rows.TRANSACTION_COLUMNS)
                    .bind("releasedAt", Columns.millis(releasedAt))
                    .bind("id", id.value())
                    .map(Rows.TRANSACTION)
                    .findOne();
            released.ifPresent(t -> {
                writeDevice(h, t.lockerId(), freed);
                if (audit != null) {
                    JdbiAuditTrail.insert(h, audit.on(t.lockerId()));
                }
            });
            return released;
        });
    }

    /** Binds the {@code :audit…} parameters of {@link #pgAudit}; nothing when there is no entry to write. */
    private static Query bindAudit(Query query, AuditTrail.LockerChange audit) {
        if (audit == null) {
            return query;
        }
        return query.bind("auditAt", Columns.millis(audit.at()))
                .bind("auditActor", audit.actor())
                .bind("auditAction", audit.action())
                .bind("auditTarget", audit.target())
                .bind("auditOutcome", AuditTrail.LockerChange.OUTCOME)
                .bind("auditDetailPrefix", AuditTrail.LockerChange.DETAIL_PREFIX);
    }

    @Override
    public Optional<Transaction> undo(TransactionId id, DeviceStatus freed) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freed, "freed");
        if (freed.isHeld()) {
            throw new IllegalArgumentException("an undone assignment must leave the locker unheld, got " + freed);
        }
        // Nothing else refers to the row by key (the audit trail and the remote command log name
        // the id as text), so deleting it frees the id and the locker's one-active-transaction slot.
        return db.write(h -> {
            Optional<Transaction> active = activeForUpdate(h, id);
            if (active.isEmpty()) {
                return Optional.<Transaction>empty();
            }
            h.createUpdate("DELETE FROM transactions WHERE id = :id AND released_at IS NULL")
                    .bind("id", id.value())
                    .execute();
            writeDevice(h, active.get().lockerId(), freed);
            return active;
        });
    }

    @Override
    public Optional<Transaction> recordOpen(TransactionId id) {
        Objects.requireNonNull(id, "id");
        return db.write(h -> {
            int updated = h.createUpdate("UPDATE transactions SET open_count = open_count + 1 "
                            + "WHERE id = :id AND released_at IS NULL")
                    .bind("id", id.value())
                    .execute();
            return updated == 1 ? find(h, id) : Optional.<Transaction>empty();
        });
    }

    /** The active transaction, its row locked until the database transaction ends. */
    private Optional<Transaction> activeForUpdate(Handle h, TransactionId id) {
        return h.createQuery("SELECT " + Rows.TRANSACTION_COLUMNS
                        + " FROM transactions WHERE id = :id AND released_at IS NULL"
                        + db.dialect().forUpdate())
                .bind("id", id.value())
                .map(Rows.TRANSACTION)
                .findOne();
    }

    private static void writeDevice(Handle h, LockerId locker, DeviceStatus status) {
        DeviceColumns.bind(
                        h.createUpdate("UPDATE lockers SET " + DeviceColumns.assignments("f_") + " WHERE id = :id"),
                        "f_",
                        status)
                .bind("id", locker.value())
                .execute();
    }

    private static Optional<Transaction> find(Handle h, TransactionId id) {
        return h.createQuery("SELECT " + Rows.TRANSACTION_COLUMNS + " FROM transactions WHERE id = :id")
                .bind("id", id.value())
                .map(Rows.TRANSACTION)
                .findOne();
    }
}
