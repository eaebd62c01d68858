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

    /**
     * How many of an assignment's candidates the database is given first. The candidates come from
     * this cache, so the first of them are almost always free; naming all of them would have the
     * database read a thousand ids for every create at 1,008 lockers, on the one writer thread.
     */
    static final int FIRST_CANDIDATES = 32;

    private final TransactionStore database;
    private final LockerCache cache;
    private final int firstCandidates;

    CachingTransactionStore(TransactionStore database, LockerCache cache) {
        this(database, cache, FIRST_CANDIDATES);
    }

    CachingTransactionStore(TransactionStore database, LockerCache cache, int firstCandidates) {
        this.database = database;
        this.cache = cache;
        this.firstCandidates = firstCandidates;
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
        if (candidates.size() > firstCandidates) {
            Assignment first = assignFrom(id, candidates.subList(0, firstCandidates), booked, now, audit);
            // None of those was free after all (this cache was behind): the whole list, as if the
            // first try had not been made.
            if (!(first instanceof Assignment.NoLockerFree)) {
                return first;
            }
        }
        return assignFrom(id, candidates, booked, now, audit);
    }

    private Assignment assignFrom(
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
