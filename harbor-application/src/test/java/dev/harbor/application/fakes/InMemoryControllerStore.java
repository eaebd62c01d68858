package dev.harbor.application.fakes;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ControllerStore} on an {@link InMemoryDatabase}. */
public final class InMemoryControllerStore implements ControllerStore {

    private static final Comparator<Transaction> OLDEST_FIRST =
            Comparator.comparing(Transaction::createdAt).thenComparing(t -> t.id().value());

    private final InMemoryDatabase db;

    InMemoryControllerStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Controller> findAll() {
        synchronized (db) {
            return db.controllers.values().stream().map(this::withCount).toList();
        }
    }

    @Override
    public Optional<Controller> find(ControllerId id) {
        synchronized (db) {
            return Optional.ofNullable(db.controllers.get(id.value())).map(this::withCount);
        }
    }

    @Override
    public Registered register(NewController controller, List<NewLocker> lockers, DeviceStatus initial) {
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(lockers, "lockers");
        Objects.requireNonNull(initial, "initial");
        // The domain's rule, not a copy of it: the store is the last line, not another home for it.
        controller.endpoint().protocol().requireLockCount("lockerCount", lockers.size());
        requireUnheld(initial);
        synchronized (db) {
            requireLockerTypes(types(lockers));
            if (controller.bankTypeId() != null
                    && !db.bankTypes.containsKey(controller.bankTypeId().value())) {
                throw new IllegalArgumentException("no bank type " + controller.bankTypeId());
            }
            requireEndpointFree(controller.endpoint(), null);
            requireDevicesFree(lockers);
            ControllerId id = ControllerId.of(++db.lastControllerId);
            Controller created = new Controller(
                    id,
                    controller.name(),
                    controller.endpoint(),
                    controller.bankTypeId(),
                    lockers.size(),
                    controller.discoveredVia(),
                    InMemoryDatabase.millis(controller.createdAt()));
            db.controllers.put(id.value(), created);
            List<Locker> added = new ArrayList<>();
            for (int i = 0; i < lockers.size(); i++) {
                added.add(insertLocker(id, i + 1, lockers.get(i), initial));
            }
            return new Registered(created, List.copyOf(added));
        }
    }

    @Override
    public List<Locker> appendLockers(ControllerId id, List<NewLocker> lockers, DeviceStatus initial) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lockers, "lockers");
        Objects.requireNonNull(initial, "initial");
        requireUnheld(initial);
        synchronized (db) {
            Controller controller = db.controllers.get(id.value());
            if (controller == null || lockers.isEmpty()) {
                return List.of();
            }
            controller.endpoint().protocol().requireLockCount("lockerCount", lockerCount(id) + lockers.size());
            requireLockerTypes(types(lockers));
            requireDevicesFree(lockers);
            int highest = db.lockers.values().stream()
                    .filter(l -> l.controllerId().equals(id))
                    .mapToInt(Locker::bankLockerNumber)
                    .max()
                    .orElse(0);
            List<Locker> added = new ArrayList<>();
            for (int n = 0; n < lockers.size(); n++) {
                added.add(insertLocker(id, highest + n + 1, lockers.get(n), initial));
            }
            return List.copyOf(added);
        }
    }

    @Override
    public boolean update(Controller controller) {
        Objects.requireNonNull(controller, "controller");
        synchronized (db) {
            Controller current = db.controllers.get(controller.id().value());
            if (current == null) {
                return false;
            }
            int count = lockerCount(controller.id());
            controller.endpoint().protocol().requireLockCount("lockerCount", count);
            requireEndpointFree(controller.endpoint(), controller.id());
            db.controllers.put(
                    controller.id().value(), current.withName(controller.name()).withEndpoint(controller.endpoint()));
            return true;
        }
    }

    @Override
    public Removal remove(ControllerId id, boolean force, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        synchronized (db) {
            if (!db.controllers.containsKey(id.value())) {
                return new Removal.NotFound();
            }
            Set<Long> lockerIds = db.lockers.values().stream()
                    .filter(l -> l.controllerId().equals(id))
                    .map(l -> l.id().value())
                    .collect(Collectors.toSet());
            List<Transaction> active = activeOn(lockerIds);
            if (!active.isEmpty() && !force) {
                return new Removal.Refused(active);
            }
            List<Transaction> released = new ArrayList<>();
            for (Transaction transaction : active) {
                Transaction done = new Transaction(
                        transaction.id(),
                        transaction.lockerId(),
                        transaction.createdAt(),
                        transaction.openCount(),
                        InMemoryDatabase.millis(now));
                db.transactions.put(transaction.id().value(), done);
                released.add(done);
            }
            lockerIds.forEach(db.lockers::remove);
            db.controllers.remove(id.value());
            return new Removal.Removed(List.copyOf(released));
        }
    }

    @Override
    public Adjustment adjustLockerCount(
            ControllerId id, int lockerCount, LockerTypeId newLockerType, DeviceStatus initial) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(newLockerType, "newLockerType");
        Objects.requireNonNull(initial, "initial");
        requireUnheld(initial);
        synchronized (db) {
            Controller controller = db.controllers.get(id.value());
            if (controller == null) {
                return new Adjustment.NotFound();
            }
            controller.endpoint().protocol().requireLockCount("lockerCount", lockerCount);
            List<Locker> current = db.lockers.values().stream()
                    .filter(l -> l.controllerId().equals(id))
                    .sorted(Comparator.comparingInt(Locker::bankLockerNumber).reversed())
                    .toList();
            int previous = current.size();
            List<LockerId> added = new ArrayList<>();
            List<LockerId> removed = new ArrayList<>();
            if (lockerCount > previous) {
                requireLockerTypes(List.of(newLockerType));
                int highest = current.get(0).bankLockerNumber();
                for (int n = 1; n <= lockerCount - previous; n++) {
                    added.add(insertLocker(id, highest + n, NewLocker.ownBoard(newLockerType), initial)
                            .id());
                }
            } else if (lockerCount < previous) {
                List<Locker> doomed = current.subList(0, previous - lockerCount);
                List<Transaction> active =
                        activeOn(doomed.stream().map(l -> l.id().value()).collect(Collectors.toSet()));
                if (!active.isEmpty()) {
                    return new Adjustment.Refused(active);
                }
                for (Locker locker : doomed) {
                    db.lockers.remove(locker.id().value());
                    removed.add(locker.id());
                }
                removed.sort(Comparator.comparingLong(LockerId::value));
            }
            return new Adjustment.Adjusted(previous, lockerCount, List.copyOf(added), List.copyOf(removed));
        }
    }

    private Controller withCount(Controller controller) {
        return controller.withLockerCount(lockerCount(controller.id()));
    }

    private int lockerCount(ControllerId id) {
        return (int) db.lockers.values().stream()
                .filter(l -> l.controllerId().equals(id))
                .count();
    }

    private List<Transaction> activeOn(Set<Long> lockerIds) {
        return db.transactions.values().stream()
                .filter(t -> t.isActive() && lockerIds.contains(t.lockerId().value()))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    private Locker insertLocker(ControllerId controller, int number, NewLocker spec, DeviceStatus initial) {
        Locker locker = new Locker(
                LockerId.of(++db.lastLockerId),
                controller,
                number,
                spec.lockerTypeId(),
                InMemoryDatabase.millis(initial),
                ServiceState.IN_SERVICE,
                null,
                spec.external());
        db.lockers.put(locker.id().value(), locker);
        return locker;
    }

    private static List<LockerTypeId> types(List<NewLocker> lockers) {
        return lockers.stream().map(NewLocker::lockerTypeId).toList();
    }

    /** The database's unique index on a locker's device, for the new lockers among themselves too. */
    private void requireDevicesFree(List<NewLocker> lockers) {
        Set<List<String>> seen = new HashSet<>();
        for (NewLocker locker : lockers) {
            ExternalDevice external = locker.external();
            if (external != null
                    && (!seen.add(List.of(external.system(), external.deviceId())) || db.deviceTaken(external))) {
                throw new IllegalArgumentException(
                        "a locker already stands for " + external.system() + " device " + external.deviceId());
            }
        }
    }

    private void requireLockerTypes(List<LockerTypeId> types) {
        List<LockerTypeId> unknown = types.stream()
                .distinct()
                .filter(t -> !db.lockerTypes.containsKey(t.value()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no locker type " + unknown);
        }
    }

    private void requireEndpointFree(BoardEndpoint endpoint, ControllerId except) {
        boolean taken = db.controllers.values().stream()
                .anyMatch(c -> !c.id().equals(except) && c.endpoint().clashesWith(endpoint));
        if (taken) {
            throw new EndpointInUseException(endpoint);
        }
    }

    private static void requireUnheld(DeviceStatus initial) {
        if (initial.isHeld()) {
            throw new IllegalArgumentException("new lockers start unheld, got " + initial);
        }
    }
}
