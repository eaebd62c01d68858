package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading lockers, opening one door, and the service flag. */
final class LockerService implements QueryLockers, OpenLocker, UpdateServiceState {

    private final LockerStore lockers;
    private final ControllerStore controllers;
    private final TransactionStore transactions;
    private final LayoutStore layout;
    private final ControllerRuntime runtime;
    private final LockerAvailability availability;
    private final DoorOpener doorOpener;
    private final RemoteDoors remoteDoors;
    private final Auditor auditor;

    LockerService(
            LockerStore lockers,
            ControllerStore controllers,
            TransactionStore transactions,
            LayoutStore layout,
            ControllerRuntime runtime,
            LockerAvailability availability,
            DoorOpener doorOpener,
            RemoteDoors remoteDoors,
            Auditor auditor) {
        this.lockers = lockers;
        this.controllers = controllers;
        this.transactions = transactions;
        this.layout = layout;
        this.runtime = runtime;
        this.availability = availability;
        this.doorOpener = doorOpener;
        this.remoteDoors = remoteDoors;
        this.auditor = auditor;
    }

    @Override
    public List<LockerView> list(LockerFilter filter) {
        Map<LockerTypeId, LockerType> types = typesById();
        return lockers.findAll().stream()
                .map(l -> view(l, types))
                .filter(filter::matches)
                .toList();
    }

    @Override
    public Optional<LockerView> find(LockerId id) {
        return lockers.find(id).map(l -> view(l, typesById()));
    }

    @Override
    public List<ControllerLayout> layout() {
        Map<LockerTypeId, LockerType> types = typesById();
        return controllers.findAll().stream()
                .map(c -> {
                    Optional<ControllerRuntime.Snapshot> snapshot = runtime.snapshot(c.id());
                    List<Slot> slots = lockers.findByController(c.id()).stream()
                            .map(l -> new Slot(l.id(), l.bankLockerNumber(), types.get(l.lockerTypeId())))
                            .toList();
                    return new ControllerLayout(
                            c,
                            snapshot.map(ControllerRuntime.Snapshot::online).orElse(false),
                            snapshot.map(ControllerRuntime.Snapshot::lastSeenAt).orElse(null),
                            slots);
                })
                .toList();
    }

    @Override
    public OpenResult openForTransaction(TransactionId id, Actor actor) {
        Optional<Transaction> transaction = transactions.find(id).filter(Transaction::isActive);
        if (transaction.isEmpty()) {
            OpenResult result = new OpenResult.TransactionNotFound();
            auditor.record(actor, "transaction.open", "transaction " + id, OpenResults.outcome(result), null);
            return result;
        }
        LockerId lockerId = transaction.get().lockerId();
        Optional<Locker> locker = lockers.find(lockerId);
        if (locker.isEmpty()) {
            OpenResult result = new OpenResult.LockerNotFound();
            auditor.record(
                    actor, "transaction.open", "transaction " + id, OpenResults.outcome(result), "locker " + lockerId);
            return result;
        }
        OpenResult result = locker.get().isExternal()
                ? remoteDoors.openForTransaction(locker.get(), transaction.get())
                : doorOpener.open(locker.get());
        if (result instanceof OpenResult.Opened) {
            transactions.recordOpen(id);
        }
        String detail = OpenResults.detail(result);
        auditor.record(
                actor,
                "transaction.open",
                "transaction " + id,
                OpenResults.outcome(result),
                "locker " + lockerId + (detail == null ? "" : ": " + detail));
        return result;
    }

    @Override
    public OpenResult openLocker(LockerId id, Actor actor) {
        Optional<Locker> locker = lockers.find(id);
        if (locker.isEmpty()) {
            return new OpenResult.LockerNotFound();
        }
        OpenResult result = locker.get().isExternal()
                ? remoteDoors.maintenanceOpen(locker.get(), actor)
                : doorOpener.open(locker.get());
        auditor.record(actor, "locker.open", "locker " + id, OpenResults.outcome(result), OpenResults.detail(result));
        return result;
    }

    @Override
    public boolean update(LockerId id, ServiceState service, Actor actor) {
        boolean updated = lockers.updateService(id, service);
        String detail = service.outOfService()
                ? "out of service: " + service.reasonCode()
                        + (service.reason() == null ? "" : " (" + service.reason() + ")")
                : "back in service";
        auditor.record(actor, "locker.service-state", "locker " + id, updated ? "OK" : "NOT_FOUND", detail);
        return updated;
    }

    private LockerView view(Locker locker, Map<LockerTypeId, LockerType> types) {
        return availability.view(locker, types.get(locker.lockerTypeId()));
    }

    private Map<LockerTypeId, LockerType> typesById() {
        return layout.lockerTypes().stream().collect(Collectors.toMap(LockerType::id, Function.identity()));
    }
}
