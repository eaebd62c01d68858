package dev.harbor.application.cache;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Transactions as they are; the lockers an assignment or a release changed are re-read. */
final class CachingTransactionStore implements TransactionStore {

    private final TransactionStore database;
    private final LockerCache cache;

    CachingTransactionStore(TransactionStore database, LockerCache cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public List<Transaction> findActive() {
        return database.findActive();
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        return database.find(id);
    }

    @Override
    public Assignment assign(
            TransactionId id,
            List<LockerId> candidates,
            DeviceStatus booked,
            Instant now,
            AuditTrail.LockerChange audit) {
        Assignment assignment = database.assign(id, candidates, booked, now, audit);
        if (assignment instanceof Assignment.Assigned assigned) {
            cache.reload(assigned.transaction().lockerId());
        } else if (assignment instanceof Assignment.NoLockerFree) {
            // The candidates looked free here but were not in the database: the cache was behind.
            cache.reload(candidates);
        }
        return assignment;
    }

    @Override
    public Optional<Transaction> release(TransactionId id, DeviceStatus freed, Instant now) {
        Optional<Transaction> released = database.release(id, freed, now);
        released.ifPresent(t -> cache.reload(t.lockerId()));
        return released;
    }

    @Override
    public Optional<Transaction> releaseOwn(
            TransactionId id, DeviceStatus freed, Instant now, AuditTrail.LockerChange audit) {
        Optional<Transaction> released = database.releaseOwn(id, freed, now, audit);
        released.ifPresent(t -> cache.reload(t.lockerId()));
        return released;
    }

    @Override
    public Optional<Transaction> undo(TransactionId id, DeviceStatus freed) {
        Optional<Transaction> undone = database.undo(id, freed);
        undone.ifPresent(t -> cache.reload(t.lockerId()));
        return undone;
    }

    @Override
    public Optional<Transaction> recordOpen(TransactionId id) {
        return database.recordOpen(id);
    }
}
