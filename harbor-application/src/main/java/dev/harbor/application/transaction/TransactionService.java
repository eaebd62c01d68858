package dev.harbor.application.transaction;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.LockerAvailability;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creating, reading and releasing transactions. The choice of locker is made here, the
 * guarantee that nobody else got it is the store's (one database transaction, a unique index).
 * Every create and release is audited, refusals too: a door system must say who took which locker.
 */
final class TransactionService implements CreateTransaction, QueryTransactions, ReleaseTransaction {

    private final TransactionStore transactions;
    private final LockerStore lockers;
    private final LayoutStore layout;
    private final LockerAvailability availability;
    private final RemoteBookings remote;
    private final DeviceStateMachine machine;
    private final Auditor auditor;
    private final GatewayMetrics metrics;
    private final Clock clock;

    TransactionService(
            TransactionStore transactions,
            LockerStore lockers,
            LayoutStore layout,
            LockerAvailability availability,
            RemoteBookings remote,
            DeviceStateMachine machine,
            Auditor auditor,
            GatewayMetrics metrics,
            Clock clock) {
        this.transactions = transactions;
        this.lockers = lockers;
        this.layout = layout;
        this.availability = availability;
        this.remote = remote;
        this.machine = machine;
        this.auditor = auditor;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public CreateTransaction.Result create(Command command, Actor actor) {
        AuditTrail.LockerChange change =
                auditor.lockerChange(actor, "transaction.create", "transaction " + command.transactionId());
        Attempt attempt = assign(command, change);
        CreateTransaction.Result result = attempt.result();
        if (attempt.audited()) {
            auditor.written(change.on(
                    ((CreateTransaction.Result.Created) result).transaction().lockerId()));
        } else {
            auditCreate(command, actor, result);
        }
        if (result instanceof CreateTransaction.Result.Created) {
            metrics.transactionCreated();
        }
        return result;
    }

    /** What a create came to, and whether the store already wrote its audit entry with it. */
    private record Attempt(CreateTransaction.Result result, boolean audited) {

        static Attempt of(CreateTransaction.Result result) {
            return new Attempt(result, false);
        }
    }

    private void auditCreate(Command command, Actor actor, CreateTransaction.Result result) {
        String outcome;
        String detail;
        if (result instanceof CreateTransaction.Result.Created created) {
            outcome = "OK";
            detail = "locker " + created.transaction().lockerId();
        } else if (result instanceof CreateTransaction.Result.AlreadyExists existing) {
            outcome = "ALREADY_EXISTS";
            detail = "locker " + existing.existing().lockerId();
        } else if (result instanceof CreateTransaction.Result.NoAvailableLocker) {
            outcome = "NO_AVAILABLE_LOCKERS";
            detail = command.lockerTypeSlug() == null ? null : "of type " + slugForAudit(command.lockerTypeSlug());
        } else if (result instanceof CreateTransaction.Result.UnknownLockerType unknown) {
            outcome = "INVALID_REQUEST";
            detail = "unknown locker type " + slugForAudit(unknown.slug());
        } else if (result instanceof CreateTransaction.Result.ControllerUnavailable unavailable) {
            outcome = "CONTROLLER_UNAVAILABLE";
            detail = unavailable.message();
        } else {
            throw new IllegalStateException("unaudited result " + result);
        }
        auditor.record(actor, "transaction.create", "transaction " + command.transactionId(), outcome, detail);
    }

    /** The client chose this text: only a well-formed slug goes into the trail as it was sent. */
    private static String slugForAudit(String slug) {
        return LockerType.isValidSlug(slug) ? slug : "(not a slug)";
    }

    private Attempt assign(Command command, AuditTrail.LockerChange change) {
        // An id that exists already is answered by the store's assignment: the primary key refuses
        // it in the statement that would have created it, so the common path never looks first.
        Optional<LockerTypeId> wantedType = Optional.empty();
        if (command.lockerTypeSlug() != null) {
            Optional<LockerType> type = layout.lockerTypeBySlug(command.lockerTypeSlug());
            if (type.isEmpty()) {
                return Attempt.of(new CreateTransaction.Result.UnknownLockerType(command.lockerTypeSlug()));
            }
            wantedType = Optional.of(type.get().id());
        }
        Instant now = clock.instant();
        List<Locker> free = candidates(wantedType);
        List<LockerId> own =
                free.stream().filter(l -> !l.isExternal()).map(Locker::id).toList();
        List<Locker> external = free.stream().filter(Locker::isExternal).toList();
        // Our own boards first: they are booked in one database transaction, a remote device only
        // after a round trip to its cloud.
        if (!own.isEmpty() || external.isEmpty()) {
            // The store writes the audit entry in the same statement that takes the locker.
            Assignment assignment = transactions.assign(
                    command.transactionId(), own, bookedFor(command.transactionId(), now), now, change);
            if (assignment instanceof Assignment.Assigned assigned) {
                return new Attempt(new CreateTransaction.Result.Created(view(assigned.transaction())), true);
            }
            if (assignment instanceof Assignment.AlreadyExists already) {
                return Attempt.of(new CreateTransaction.Result.AlreadyExists(view(already.existing())));
            }
            if (external.isEmpty()) {
                return Attempt.of(new CreateTransaction.Result.NoAvailableLocker());
            }
        }
        RemoteBookings.Booking booking = remote.book(command.transactionId(), external);
        if (booking instanceof RemoteBookings.Booking.Booked booked) {
            return Attempt.of(new CreateTransaction.Result.Created(view(booked.transaction())));
        }
        if (booking instanceof RemoteBookings.Booking.AlreadyExists already) {
            return Attempt.of(new CreateTransaction.Result.AlreadyExists(view(already.existing())));
        }
        if (booking instanceof RemoteBookings.Booking.Failed failed) {
            return Attempt.of(new CreateTransaction.Result.ControllerUnavailable(failed.message()));
        }
        return Attempt.of(new CreateTransaction.Result.NoAvailableLocker());
    }

    /**
     * Free lockers in id order, rotated by a random offset: concurrent creates then mostly try
     * different lockers first instead of all queueing on the lowest id.
     */
    private List<Locker> candidates(Optional<LockerTypeId> wantedType) {
        List<Locker> free = lockers.findAll().stream()
                .filter(l -> wantedType.map(t -> t.equals(l.lockerTypeId())).orElse(true))
                .filter(availability.forOnePass())
                .collect(Collectors.toCollection(ArrayList::new));
        if (free.size() > 1) {
            Collections.rotate(free, ThreadLocalRandom.current().nextInt(free.size()));
        }
        return free;
    }

    private DeviceStatus bookedFor(TransactionId id, Instant now) {
        return HarborBooking.bookedFor(machine, id, now);
    }

    @Override
    public List<TransactionView> active() {
        List<Transaction> active = transactions.findActive();
        Map<LockerId, Locker> byId =
                lockers.findAll().stream().collect(Collectors.toMap(Locker::id, Function.identity()));
        Map<LockerTypeId, String> slugs =
                layout.lockerTypes().stream().collect(Collectors.toMap(LockerType::id, LockerType::slug));
        return active.stream()
                .map(t -> view(
                        t,
                        Optional.ofNullable(byId.get(t.lockerId()))
                                .map(l -> slugs.get(l.lockerTypeId()))
                                .orElse(null)))
                .toList();
    }

    @Override
    public Optional<TransactionView> find(TransactionId id) {
        return transactions.find(id).filter(Transaction::isActive).map(this::view);
    }

    @Override
    public Outcome release(TransactionId id, Actor actor) {
        // The common case first, in one statement: an active transaction on one of our lockers is
        // released and audited together. Only when that finds nothing is the transaction looked at.
        Instant now = clock.instant();
        AuditTrail.LockerChange change = auditor.lockerChange(actor, "transaction.release", "transaction " + id);
        Optional<Transaction> released = transactions.releaseOwn(id, DeviceStatus.initial(now), now, change);
        if (released.isPresent()) {
            auditor.written(change.on(released.get().lockerId()));
            metrics.transactionReleased();
            return new Outcome.Released();
        }
        Optional<Transaction> active = transactions.find(id).filter(Transaction::isActive);
        if (active.isEmpty()) {
            auditor.record(actor, "transaction.release", "transaction " + id, "TRANSACTION_NOT_FOUND", null);
            return new Outcome.NotFound();
        }
        LockerId lockerId = active.get().lockerId();
        Outcome outcome = free(active.get(), actor);
        String where = "locker " + lockerId;
        if (outcome instanceof Outcome.Released) {
            auditor.record(actor, "transaction.release", "transaction " + id, "OK", where);
            metrics.transactionReleased();
        } else if (outcome instanceof Outcome.NotFound) {
            auditor.record(actor, "transaction.release", "transaction " + id, "TRANSACTION_NOT_FOUND", where);
        } else if (outcome instanceof Outcome.ControllerUnavailable unavailable) {
            auditor.record(
                    actor,
                    "transaction.release",
                    "transaction " + id,
                    "CONTROLLER_UNAVAILABLE",
                    where + ": " + unavailable.message());
        } else {
            throw new IllegalStateException("unaudited outcome " + outcome);
        }
        return outcome;
    }

    private Outcome free(Transaction active, Actor actor) {
        Optional<Locker> locker = lockers.find(active.lockerId());
        if (locker.isPresent() && locker.get().isExternal()) {
            return remote.release(active, locker.get(), actor);
        }
        Instant now = clock.instant();
        // force-unlock: a release frees the locker whatever state it is in.
        DeviceStatus freed = DeviceStatus.initial(now);
        return transactions.release(active.id(), freed, now).isPresent()
                ? new Outcome.Released()
                : new Outcome.NotFound();
    }

    private TransactionView view(Transaction transaction) {
        String slug = lockers.find(transaction.lockerId())
                .flatMap(l -> layout.lockerType(l.lockerTypeId()))
                .map(LockerType::slug)
                .orElse(null);
        return view(transaction, slug);
    }

    private static TransactionView view(Transaction t, String slug) {
        return new TransactionView(t.id(), t.lockerId(), slug, t.createdAt(), t.openCount());
    }
}
