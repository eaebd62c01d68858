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
    Assignment assign(TransactionId id, List<LockerId> candidates, DeviceStatus booked, Instant now);

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
