package dev.harbor.application.fakes;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link TransactionStore} on an {@link InMemoryDatabase}. */
public final class InMemoryTransactionStore implements TransactionStore {

    private static final Comparator<Transaction> OLDEST_FIRST =
            Comparator.comparing(Transaction::createdAt).thenComparing(t -> t.id().value());

    private final InMemoryDatabase db;

    InMemoryTransactionStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Transaction> findActive() {
        synchronized (db) {
            return db.transactions.values().stream()
                    .filter(Transaction::isActive)
                    .sorted(OLDEST_FIRST)
                    .toList();
        }
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        synchronized (db) {
            return Optional.ofNullable(db.transactions.get(id.value()));
        }
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
        synchronized (db) {
            Transaction existing = db.transactions.get(id.value());
            if (existing != null) {
                return new Assignment.AlreadyExists(existing);
            }
            for (LockerId candidate : candidates) {
                Locker locker = db.lockers.get(candidate.value());
                if (locker != null
                        && locker.device().state() == DeviceState.UNLOCKED
                        && !locker.device().isHeld()
                        && !locker.service().outOfService()
                        && !db.hasActiveTransaction(candidate.value())) {
                    if (db.heldElsewhere(booked.holder(), candidate.value())) {
                        throw new IllegalStateException("holder " + booked.holder() + " already holds another locker");
                    }
                    db.lockers.put(candidate.value(), locker.withDevice(InMemoryDatabase.millis(booked)));
                    Transaction transaction = Transaction.started(id, candidate, InMemoryDatabase.millis(now));
                    db.transactions.put(id.value(), transaction);
                    if (audit != null) {
                        db.auditTrail().record(audit.on(candidate));
                    }
                    return new Assignment.Assigned(transaction);
                }
            }
            return new Assignment.NoLockerFree();
        }
    }

    @Override
    public Optional<Transaction> release(TransactionId id, DeviceStatus freed, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (freed.isHeld()) {
            throw new IllegalArgumentException("a released locker must be left unheld, got " + freed);
        }
        synchronized (db) {
            Transaction active = db.transactions.get(id.value());
            if (active == null || !active.isActive()) {
                return Optional.empty();
            }
            Transaction released = new Transaction(
                    active.id(),
                    active.lockerId(),
                    active.createdAt(),
                    active.openCount(),
                    InMemoryDatabase.millis(now));
            db.transactions.put(id.value(), released);
            db.lockers.computeIfPresent(
                    active.lockerId().value(), (key, locker) -> locker.withDevice(InMemoryDatabase.millis(freed)));
            return Optional.of(released);
        }
    }

    @Override
    public Optional<Transaction> releaseOwn(
            TransactionId id, DeviceStatus freed, Instant now, AuditTrail.LockerChange audit) {
        Objects.requireNonNull(audit, "audit");
        synchronized (db) {
            Transaction active = db.transactions.get(id.value());
            Locker locker =
                    active == null ? null : db.lockers.get(active.lockerId().value());
            if (locker == null || locker.isExternal()) {
                return Optional.empty();
            }
            Optional<Transaction> released = release(id, freed, now);
            released.ifPresent(t -> db.auditTrail().record(audit.on(t.lockerId())));
            return released;
        }
    }

    @Override
    public Optional<Transaction> undo(TransactionId id, DeviceStatus freed) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freed, "freed");
        if (freed.isHeld()) {
            throw new IllegalArgumentException("an undone assignment must leave the locker unheld, got " + freed);
        }
        synchronized (db) {
            Transaction active = db.transactions.get(id.value());
            if (active == null || !active.isActive()) {
                return Optional.empty();
            }
            db.transactions.remove(id.value());
            db.lockers.computeIfPresent(
                    active.lockerId().value(), (key, locker) -> locker.withDevice(InMemoryDatabase.millis(freed)));
            return Optional.of(active);
        }
    }

    @Override
    public Optional<Transaction> recordOpen(TransactionId id) {
        Objects.requireNonNull(id, "id");
        synchronized (db) {
            Transaction active = db.transactions.get(id.value());
            if (active == null || !active.isActive()) {
                return Optional.empty();
            }
            Transaction opened =
                    new Transaction(active.id(), active.lockerId(), active.createdAt(), active.openCount() + 1, null);
            db.transactions.put(id.value(), opened);
            return Optional.of(opened);
        }
    }
}
