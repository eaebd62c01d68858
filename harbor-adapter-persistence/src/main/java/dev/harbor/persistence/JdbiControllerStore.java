package dev.harbor.persistence;

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
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import dev.harbor.persistence.internal.DeviceColumns;
import dev.harbor.persistence.internal.Dialect;
import dev.harbor.persistence.internal.Rows;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link ControllerStore} on the {@code controllers} and {@code lockers} tables. Each change is one
 * database transaction that first locks the controller and the lockers it touches, so a
 * concurrent assignment either commits before the check for active transactions (and is seen by
 * it) or waits and then finds the locker gone.
 */
public final class JdbiControllerStore implements ControllerStore {

    private static final String ENDPOINT_COLUMNS = "protocol, transport_type, serial_port, serial_baud_rate, tcp_host, "
            + "tcp_port, simulated_bus, remote_location_id, bus_key, board_address, feedback_polarity, status_byte_order";
    private static final String ENDPOINT_PARAMETERS = ":protocol, :transportType, :serialPort, :serialBaudRate, "
            + ":tcpHost, :tcpPort, :simulatedBus, :remoteLocationId, :busKey, :boardAddress, :feedbackPolarity, "
            + ":statusByteOrder";

    private final Access db;

    JdbiControllerStore(Access db) {
        this.db = db;
    }

    @Override
    public List<Controller> findAll() {
        return db.read(h -> h.createQuery("SELECT " + Rows.CONTROLLER_COLUMNS + " FROM controllers c ORDER BY c.id")
                .map(Rows.CONTROLLER)
                .list());
    }

    @Override
    public Optional<Controller> find(ControllerId id) {
        return db.read(h -> find(h, id, ""));
    }

    @Override
    public Registered register(NewController controller, List<NewLocker> lockers, DeviceStatus initial) {
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(lockers, "lockers");
        Objects.requireNonNull(initial, "initial");
        // The domain's rule, not a copy of it: the store is the last line, not another home for it.
        controller.endpoint().protocol().requireLockCount("lockerCount", lockers.size());
        requireUnheld(initial);
        requireDistinctDevices(lockers);
        return translatingUniqueViolations(
                controller.endpoint(),
                lockers,
                () -> db.write(h -> {
                    requireLockerTypes(h, types(lockers));
                    if (controller.bankTypeId() != null
                            && h.createQuery("SELECT COUNT(*) FROM bank_types WHERE id = :id")
                                            .bind("id", controller.bankTypeId().value())
                                            .mapTo(Long.class)
                                            .one()
                                    == 0) {
                        throw new IllegalArgumentException("no bank type " + controller.bankTypeId());
                    }
                    requireEndpointFree(h, controller.endpoint(), null);
                    requireDevicesFree(h, lockers);
                    long id = Rows.bindEndpoint(
                                    h.createQuery("INSERT INTO controllers (name, " + ENDPOINT_COLUMNS
                                            + ", bank_type_id, discovered_via, created_at) VALUES (:name, "
                                            + ENDPOINT_PARAMETERS
                                            + ", :bankTypeId, :discoveredVia, :createdAt) RETURNING id"),
                                    controller.endpoint())
                            .bind("name", controller.name())
                            .bind(
                                    "bankTypeId",
                                    controller.bankTypeId() == null
                                            ? null
                                            : controller.bankTypeId().value())
                            .bind("discoveredVia", controller.discoveredVia().name())
                            .bind("createdAt", Columns.millis(controller.createdAt()))
                            .mapTo(Long.class)
                            .one();
                    ControllerId controllerId = ControllerId.of(id);
                    List<Locker> created = new ArrayList<>();
                    for (int i = 0; i < lockers.size(); i++) {
                        created.add(insertLocker(h, controllerId, i + 1, lockers.get(i), initial));
                    }
                    Controller registered = new Controller(
                            controllerId,
                            controller.name(),
                            controller.endpoint(),
                            controller.bankTypeId(),
                            created.size(),
                            controller.discoveredVia(),
                            controller.createdAt().truncatedTo(ChronoUnit.MILLIS));
                    return new Registered(registered, List.copyOf(created));
                }));
    }

    @Override
    public List<Locker> appendLockers(ControllerId id, List<NewLocker> lockers, DeviceStatus initial) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lockers, "lockers");
        Objects.requireNonNull(initial, "initial");
        requireUnheld(initial);
        requireDistinctDevices(lockers);
        return translatingUniqueViolations(
                null,
                lockers,
                () -> db.write(h -> {
                    Optional<Controller> found = find(h, id, db.dialect().forUpdate());
                    if (found.isEmpty() || lockers.isEmpty()) {
                        return List.<Locker>of();
                    }
                    Controller controller = found.get();
                    controller
                            .endpoint()
                            .protocol()
                            .requireLockCount("lockerCount", controller.lockerCount() + lockers.size());
                    requireLockerTypes(h, types(lockers));
                    requireDevicesFree(h, lockers);
                    int highest = h.createQuery("SELECT COALESCE(MAX(bank_locker_number), 0) FROM lockers "
                                    + "WHERE controller_id = :controller")
                            .bind("controller", id.value())
                            .mapTo(Integer.class)
                            .one();
                    List<Locker> added = new ArrayList<>();
                    for (int n = 0; n < lockers.size(); n++) {
                        added.add(insertLocker(h, id, highest + n + 1, lockers.get(n), initial));
                    }
                    return List.copyOf(added);
                }));
    }

    @Override
    public boolean update(Controller controller) {
        Objects.requireNonNull(controller, "controller");
        return translatingUniqueViolations(
                controller.endpoint(),
                List.of(),
                () -> db.write(h -> {
                    Optional<Controller> current =
                            find(h, controller.id(), db.dialect().forUpdate());
                    if (current.isEmpty()) {
                        return false;
                    }
                    controller
                            .endpoint()
                            .protocol()
                            .requireLockCount("lockerCount", current.get().lockerCount());
                    requireEndpointFree(h, controller.endpoint(), controller.id());
                    return Rows.bindEndpoint(
                                            h.createUpdate("UPDATE controllers SET name = :name, protocol = :protocol, "
                                                    + "transport_type = :transportType, serial_port = :serialPort, "
                                                    + "serial_baud_rate = :serialBaudRate, tcp_host = :tcpHost, tcp_port = :tcpPort, "
                                                    + "simulated_bus = :simulatedBus, remote_location_id = :remoteLocationId, bus_key = :busKey, board_address = :boardAddress, "
                                                    + "feedback_polarity = :feedbackPolarity, status_byte_order = :statusByteOrder "
                                                    + "WHERE id = :id"),
                                            controller.endpoint())
                                    .bind("name", controller.name())
                                    .bind("id", controller.id().value())
                                    .execute()
                            == 1;
                }));
    }

    @Override
    public Removal remove(ControllerId id, boolean force, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        return db.write(h -> {
            if (find(h, id, db.dialect().forUpdate()).isEmpty()) {
                return new Removal.NotFound();
            }
            List<Long> lockerIds = lockLockers(h, id, 0);
            List<Transaction> active = activeOn(h, lockerIds);
            if (!active.isEmpty() && !force) {
                return new Removal.Refused(active);
            }
            Instant releasedAt = now.truncatedTo(ChronoUnit.MILLIS);
            List<Transaction> released = new ArrayList<>();
            for (Transaction transaction : active) {
                h.createUpdate(
                                "UPDATE transactions SET released_at = :releasedAt WHERE id = :id AND released_at IS NULL")
                        .bind("releasedAt", Columns.millis(releasedAt))
                        .bind("id", transaction.id().value())
                        .execute();
                released.add(new Transaction(
                        transaction.id(),
                        transaction.lockerId(),
                        transaction.createdAt(),
                        transaction.openCount(),
                        releasedAt));
            }
            h.createUpdate("DELETE FROM lockers WHERE controller_id = :controller")
                    .bind("controller", id.value())
                    .execute();
            h.createUpdate("DELETE FROM controllers WHERE id = :id")
                    .bind("id", id.value())
                    .execute();
            return new Removal.Removed(List.copyOf(released));
        });
    }

    @Override
    public Adjustment adjustLockerCount(
            ControllerId id, int lockerCount, LockerTypeId newLockerType, DeviceStatus initial) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(newLockerType, "newLockerType");
        Objects.requireNonNull(initial, "initial");
        requireUnheld(initial);
        return db.write(h -> {
            Optional<Controller> found = find(h, id, db.dialect().forUpdate());
            if (found.isEmpty()) {
                return new Adjustment.NotFound();
            }
            Controller controller = found.get();
            controller.endpoint().protocol().requireLockCount("lockerCount", lockerCount);
            int previous = controller.lockerCount();
            List<LockerId> added = new ArrayList<>();
            List<LockerId> removed = new ArrayList<>();
            if (lockerCount > previous) {
                requireLockerTypes(h, List.of(newLockerType));
                int highest = h.createQuery(
                                "SELECT MAX(bank_locker_number) FROM lockers WHERE controller_id = :controller")
                        .bind("controller", id.value())
                        .mapTo(Integer.class)
                        .one();
                for (int n = 1; n <= lockerCount - previous; n++) {
                    added.add(insertLocker(h, id, highest + n, NewLocker.ownBoard(newLockerType), initial)
                            .id());
                }
            } else if (lockerCount < previous) {
                List<Long> doomed = lockLockers(h, id, previous - lockerCount);
                List<Transaction> active = activeOn(h, doomed);
                if (!active.isEmpty()) {
                    return new Adjustment.Refused(active);
                }
                for (Long locker : doomed) {
                    h.createUpdate("DELETE FROM lockers WHERE id = :id")
                            .bind("id", locker)
                            .execute();
                    removed.add(LockerId.of(locker));
                }
                removed.sort((a, b) -> Long.compare(a.value(), b.value()));
            }
            return new Adjustment.Adjusted(previous, lockerCount, List.copyOf(added), List.copyOf(removed));
        });
    }

    private Optional<Controller> find(Handle h, ControllerId id, String lock) {
        if (!lock.isEmpty()) {
            // PostgreSQL refuses FOR UPDATE beside the aggregate subquery: lock the row first.
            h.createQuery("SELECT id FROM controllers WHERE id = :id" + lock)
                    .bind("id", id.value())
                    .mapTo(Long.class)
                    .findOne();
        }
        return h.createQuery("SELECT " + Rows.CONTROLLER_COLUMNS + " FROM controllers c WHERE c.id = :id")
                .bind("id", id.value())
                .map(Rows.CONTROLLER)
                .findOne();
    }

    /**
     * Locks a controller's lockers (all when {@code highest} is 0, else that many with the highest
     * bank locker numbers) and returns their ids, highest number first.
     */
    private List<Long> lockLockers(Handle h, ControllerId controller, int highest) {
        List<Long> ids = h.createQuery("SELECT id FROM lockers WHERE controller_id = :controller"
                        + " ORDER BY bank_locker_number DESC" + db.dialect().forUpdate())
                .bind("controller", controller.value())
                .mapTo(Long.class)
                .list();
        return highest == 0 ? ids : ids.subList(0, Math.min(highest, ids.size()));
    }

    /** Run after {@link #lockLockers}: a statement started now sees every assignment committed to them. */
    private static List<Transaction> activeOn(Handle h, List<Long> lockerIds) {
        if (lockerIds.isEmpty()) {
            return List.of();
        }
        return h
                .createQuery("SELECT " + Rows.TRANSACTION_COLUMNS + " FROM transactions "
                        + "WHERE released_at IS NULL AND locker_id IN (<lockers>)")
                .bindList("lockers", lockerIds)
                .map(Rows.TRANSACTION)
                .list()
                .stream()
                .sorted(Rows.OLDEST_FIRST)
                .toList();
    }

    private static Locker insertLocker(
            Handle h, ControllerId controller, int number, NewLocker locker, DeviceStatus initial) {
        long id = Rows.bindExternal(
                        DeviceColumns.bind(
                                h.createQuery("INSERT INTO lockers (controller_id, bank_locker_number, "
                                        + "locker_type_id, " + DeviceColumns.NAMES
                                        + ", out_of_service, reason_code, reason, door_open, external_system, "
                                        + "external_device_id, external_alias, external_code) VALUES "
                                        + "(:controller, :number, :type, " + DeviceColumns.parameters("d_")
                                        + ", :outOfService, NULL, NULL, NULL, :externalSystem, :externalDeviceId, "
                                        + ":externalAlias, :externalCode) RETURNING id"),
                                "d_",
                                initial),
                        locker.external())
                .bind("controller", controller.value())
                .bind("number", number)
                .bind("type", locker.lockerTypeId().value())
                .bind("outOfService", false)
                .mapTo(Long.class)
                .one();
        DeviceStatus stored = new DeviceStatus(
                initial.state(),
                trim(initial.changedAt()),
                trim(initial.timeoutAt()),
                initial.holder(),
                initial.pendingState(),
                initial.returnState(),
                trim(initial.bookingExpiresAt()));
        return new Locker(
                LockerId.of(id),
                controller,
                number,
                locker.lockerTypeId(),
                stored,
                ServiceState.IN_SERVICE,
                null,
                locker.external());
    }

    private static List<LockerTypeId> types(List<NewLocker> lockers) {
        return lockers.stream().map(NewLocker::lockerTypeId).toList();
    }

    /** Two of the new lockers cannot stand for one device. */
    private static void requireDistinctDevices(List<NewLocker> lockers) {
        Set<List<String>> seen = new HashSet<>();
        for (NewLocker locker : lockers) {
            ExternalDevice external = locker.external();
            if (external != null && !seen.add(List.of(external.system(), external.deviceId()))) {
                throw new IllegalArgumentException(
                        "two new lockers stand for " + external.system() + " device " + external.deviceId());
            }
        }
    }

    /** ... nor a new locker for a device that a locker already stands for. */
    private static void requireDevicesFree(Handle h, List<NewLocker> lockers) {
        for (NewLocker locker : lockers) {
            ExternalDevice external = locker.external();
            if (external != null && deviceTaken(h, external)) {
                throw new IllegalArgumentException(
                        "a locker already stands for " + external.system() + " device " + external.deviceId());
            }
        }
    }

    private static boolean deviceTaken(Handle h, ExternalDevice external) {
        return h.createQuery("SELECT COUNT(*) FROM lockers "
                                + "WHERE external_system = :system AND external_device_id = :deviceId")
                        .bind("system", external.system())
                        .bind("deviceId", external.deviceId())
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    private static void requireLockerTypes(Handle h, List<LockerTypeId> types) {
        List<Long> wanted = new ArrayList<>(
                new LinkedHashSet<>(types.stream().map(LockerTypeId::value).toList()));
        List<Long> known = h.createQuery("SELECT id FROM locker_types WHERE id IN (<ids>)")
                .bindList("ids", wanted)
                .mapTo(Long.class)
                .list();
        wanted.removeAll(known);
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("no locker type " + wanted);
        }
    }

    private static void requireEndpointFree(Handle h, BoardEndpoint endpoint, ControllerId except) {
        boolean taken = h
                .createQuery("SELECT id FROM controllers WHERE bus_key = :busKey AND board_address = :boardAddress")
                .bind("busKey", endpoint.transport().busKey())
                .bind("boardAddress", endpoint.boardAddress())
                .mapTo(Long.class)
                .list()
                .stream()
                .anyMatch(other -> except == null || other != except.value());
        if (taken) {
            throw new EndpointInUseException(endpoint);
        }
    }

    private static void requireUnheld(DeviceStatus initial) {
        if (initial.isHeld()) {
            throw new IllegalArgumentException("new lockers start unheld, got " + initial);
        }
    }

    /**
     * Two writers racing past the checks: a unique constraint decides, and its refusal is reported
     * as the check would have reported it. {@code endpoint} is null when the write adds no controller.
     */
    private <T> T translatingUniqueViolations(BoardEndpoint endpoint, List<NewLocker> lockers, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!Dialect.isUniqueViolation(e)) {
                throw e;
            }
            boolean endpointTaken = endpoint != null
                    && db.read(h -> h.createQuery("SELECT COUNT(*) FROM controllers "
                                            + "WHERE bus_key = :busKey AND board_address = :boardAddress")
                                    .bind("busKey", endpoint.transport().busKey())
                                    .bind("boardAddress", endpoint.boardAddress())
                                    .mapTo(Long.class)
                                    .one())
                            > 0;
            if (endpointTaken) {
                throw new EndpointInUseException(endpoint);
            }
            Optional<ExternalDevice> taken = lockers.stream()
                    .map(NewLocker::external)
                    .filter(Objects::nonNull)
                    .filter(external -> db.read(h -> deviceTaken(h, external)))
                    .findFirst();
            if (taken.isPresent()) {
                throw new IllegalArgumentException("a locker already stands for "
                        + taken.get().system() + " device " + taken.get().deviceId());
            }
            throw e;
        }
    }

    private static Instant trim(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
