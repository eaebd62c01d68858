package dev.harbor.application.port;

import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transactions, and the one place where a locker is handed to one: atomically, with the database
 * (a unique index on the active locker) making a double assignment impossible.
 */
public interface TransactionStore {

    /** Active transactions, oldest first. */
    List<Transaction> findActive();

    /** A transaction by id, active or released: ids are never reused. */
    Optional<Transaction> find(TransactionId id);

    /**
     * In one database transaction: unless a transaction with this id already exists, take the
     * first of {@code candidates} that is still unlocked, unheld and in service, write {@code booked} as its
     * device status, and record the transaction as created at {@code now}.
     */
    default Assignment assign(TransactionId id, List<LockerId> candidates, DeviceStatus booked, Instant now) {
        return assign(id, candidates, booked, now, null);
    }

    /**
     * As {@link #assign(TransactionId, List, DeviceStatus, Instant)}, and when a locker is taken,
     * {@code audit} {@linkplain AuditTrail.LockerChange#on names it} in the audit trail in the same
     * database transaction; {@code null} for no entry.
     */
    Assignment assign(
            TransactionId id,
            List<LockerId> candidates,
            DeviceStatus booked,
            Instant now,
            AuditTrail.LockerChange audit);

    /** The outcome of {@link #assign}. */
    sealed interface Assignment {
        record Assigned(Transaction transaction) implements Assignment {}

        record AlreadyExists(Transaction existing) implements Assignment {}

        record NoLockerFree() implements Assignment {}
    }

    /**
     * In one database transaction: mark the active transaction released and write {@code freed}
     * as its locker's device status.
     *
     * @return the released transaction, or empty when no active transaction has this id
     */
    Optional<Transaction> release(TransactionId id, DeviceStatus freed, Instant now);

    /**
     * As {@link #release}, only for a transaction on one of our own lockers, and with {@code audit}
     * {@linkplain AuditTrail.LockerChange#on naming the locker} in the audit trail, in the same database
     * transaction.
     *
     * @return the released transaction; empty when no active transaction has this id, or when its
     *     locker is an external device, which must be freed remotely before {@link #release}
     */
    Optional<Transaction> releaseOwn(TransactionId id, DeviceStatus freed, Instant now, AuditTrail.LockerChange audit);

    /**
     * In one database transaction: delete the active transaction as if it had never been, and write
     * {@code freed} as its locker's device status. For an assignment whose remote booking failed:
     * the transaction was never confirmed to anyone, and its id may be used again.
     *
     * @return the transaction removed, or empty when no active transaction has this id
     */
    Optional<Transaction> undo(TransactionId id, DeviceStatus freed);

    /** Counts one more door opening for an active transaction; @return the updated transaction */
    Optional<Transaction> recordOpen(TransactionId id);
}
