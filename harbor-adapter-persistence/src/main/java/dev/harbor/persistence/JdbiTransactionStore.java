package dev.harbor.persistence;

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
import org.jdbi.v3.core.Handle;

/**
 * {@link TransactionStore} on the {@code transactions} and {@code lockers} tables. A locker is
 * handed out by a conditional UPDATE that only a free, unheld locker matches, so concurrent
 * assignments serialise on the locker row (PostgreSQL re-checks the condition after waiting for
 * the row lock; SQLite has a single writer); the partial unique index on active transactions
 * backs this up inside the database itself.
 */
public final class JdbiTransactionStore implements TransactionStore {

    private static final int MAX_ATTEMPTS = 5;

    private static final String TAKE_LOCKER = "UPDATE lockers SET " + DeviceColumns.assignments("b_")
            + " WHERE id = :id AND device_state = '" + DeviceState.UNLOCKED.name() + "' AND holder IS NULL"
            // A locker taken out of service a moment ago must not be handed out by a create that
            // chose it from an older read.
            + " AND NOT out_of_service"
            + " AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.locker_id = lockers.id AND t.released_at IS NULL)";

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
    public Assignment assign(TransactionId id, List<LockerId> candidates, DeviceStatus booked, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(now, "now");
        if (!id.value().equals(booked.holder())) {
            throw new IllegalArgumentException(
                    "the booked status must hold the locker for transaction " + id + ", got " + booked);
        }
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write(h -> assignIn(h, id, createdAt, candidates, booked));
            } catch (RuntimeException e) {
                // The normal race for one id on PostgreSQL: another assign inserted it first and
                // committed while we waited on the primary key. Report it like any existing id.
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

    private static Assignment assignIn(
            Handle h, TransactionId id, Instant createdAt, List<LockerId> candidates, DeviceStatus booked) {
        Optional<Transaction> existing = find(h, id);
        if (existing.isPresent()) {
            return new Assignment.AlreadyExists(existing.get());
        }
        for (LockerId candidate : candidates) {
            int taken = DeviceColumns.bind(h.createUpdate(TAKE_LOCKER), "b_", booked)
                    .bind("id", candidate.value())
                    .execute();
            if (taken == 1) {
                Transaction transaction = Transaction.started(id, candidate, createdAt);
                h.createUpdate("INSERT INTO transactions (id, locker_id, created_at, open_count, released_at) "
                                + "VALUES (:id, :lockerId, :createdAt, 0, NULL)")
                        .bind("id", transaction.id().value())
                        .bind("lockerId", candidate.value())
                        .bind("createdAt", Columns.millis(transaction.createdAt()))
                        .execute();
                return new Assignment.Assigned(transaction);
            }
        }
        return new Assignment.NoLockerFree();
    }

    @Override
    public Optional<Transaction> release(TransactionId id, DeviceStatus freed, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (freed.isHeld()) {
            throw new IllegalArgumentException("a released locker must be left unheld, got " + freed);
        }
        return db.write(h -> {
            Optional<Transaction> active = activeForUpdate(h, id);
            if (active.isEmpty()) {
                return Optional.<Transaction>empty();
            }
            Transaction transaction = active.get();
            Instant releasedAt = now.truncatedTo(ChronoUnit.MILLIS);
            h.createUpdate("UPDATE transactions SET released_at = :releasedAt WHERE id = :id AND released_at IS NULL")
                    .bind("releasedAt", Columns.millis(releasedAt))
                    .bind("id", id.value())
                    .execute();
            writeDevice(h, transaction.lockerId(), freed);
            return Optional.of(new Transaction(
                    transaction.id(),
                    transaction.lockerId(),
                    transaction.createdAt(),
                    transaction.openCount(),
                    releasedAt));
        });
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
