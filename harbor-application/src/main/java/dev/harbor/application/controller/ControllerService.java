package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ControllerStore.Adjustment;
import dev.harbor.application.port.ControllerStore.Removal;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockBoard;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.health.HeartbeatClassifier;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.LockerTypeId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Adds, changes, swaps, resizes and removes controllers, keeping the store, the boards being
 * driven and the run-time registry in step. Changes are serialised: two technicians adding the
 * same board at once get one controller and one 409.
 */
final class ControllerService implements ManageControllers, AttachControllers {

    private final ControllerStore store;
    private final LayoutStore layout;
    private final LockBoard board;
    private final ControllerRuntime runtime;
    private final RemoteLocations remoteLocations;
    private final Auditor auditor;
    private final Supplier<HeartbeatThresholds> thresholds;
    private final Clock clock;
    private final Object changes = new Object();

    ControllerService(
            ControllerStore store,
            LayoutStore layout,
            LockBoard board,
            ControllerRuntime runtime,
            RemoteLocations remoteLocations,
            Auditor auditor,
            Supplier<HeartbeatThresholds> thresholds,
            Clock clock) {
        this.store = store;
        this.layout = layout;
        this.board = board;
        this.runtime = runtime;
        this.remoteLocations = remoteLocations;
        this.auditor = auditor;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    public void attachAll() {
        Instant now = clock.instant();
        for (Controller controller : store.findAll()) {
            if (controller.endpoint().protocol().isRemote()) {
                remoteLocations.follow(controller);
                continue;
            }
            runtime.attached(controller.id(), controller.endpoint().protocol(), now);
            board.attach(controller.id(), controller.endpoint(), controller.lockerCount());
        }
    }

    @Override
    public List<ControllerView> list() {
        Instant now = clock.instant();
        return store.findAll().stream().map(c -> view(c, now)).toList();
    }

    @Override
    public Optional<ControllerView> find(ControllerId id) {
        return store.find(id).map(c -> view(c, clock.instant()));
    }

    @Override
    public AddResult add(AddCommand requested, Actor actor) {
        // A simulated board asking for a bus of its own gets one named now, stored with it.
        AddCommand command = requested.endpoint().hasUnnamedBus()
                ? requested.withEndpoint(withOwnBus(requested.endpoint()))
                : requested;
        if (command.endpoint().protocol().isRemote()) {
            // Reading a location's devices may wait out the remote site's timeouts: no lock is held
            // meanwhile. The database's unique index still admits a location once.
            return endpointInUse(command, actor)
                    .orElseGet(() -> remoteLocations.add(command, actor, c -> view(c, clock.instant())));
        }
        synchronized (changes) {
            Optional<AddResult> inUse = endpointInUse(command, actor);
            if (inUse.isPresent()) {
                return inUse.get();
            }
            List<LockerTypeId> types;
            if (command.bankTypeId() != null) {
                Optional<BankType> bankType = layout.bankType(command.bankTypeId());
                if (bankType.isEmpty()) {
                    return new AddResult.UnknownBankType(command.bankTypeId());
                }
                Protocol protocol = command.endpoint().protocol();
                if (!protocol.drivesLockCount(bankType.get().lockerCount())) {
                    return new AddResult.TooManyLockers(bankType.get().lockerCount(), protocol.maxLocks());
                }
                types = bankType.get().associations().stream()
                        .sorted((a, b) -> Integer.compare(a.bankLockerNumber(), b.bankLockerNumber()))
                        .map(BankType.Association::lockerTypeId)
                        .toList();
            } else {
                types = Collections.nCopies(command.lockerCount(), defaultLockerType());
            }
            Instant now = clock.instant();
            ControllerStore.Registered registered;
            try {
                registered = store.add(
                        new ControllerStore.NewController(
                                command.name(), command.endpoint(), command.bankTypeId(), command.discoveredVia(), now),
                        types,
                        DeviceStatus.initial(now));
            } catch (ControllerStore.EndpointInUseException e) {
                // Another gateway sharing the database registered the board first: the unique index saw it.
                auditor.record(actor, "controller.add", command.name(), "CONFLICT", "endpoint in use");
                return new AddResult.EndpointInUse(null);
            }
            Controller controller = registered.controller();
            runtime.attached(controller.id(), controller.endpoint().protocol(), now);
            board.attach(controller.id(), controller.endpoint(), controller.lockerCount());
            auditor.record(
                    actor,
                    "controller.add",
                    "controller " + controller.id(),
                    "OK",
                    controller.name() + ", " + controller.lockerCount() + " lockers, "
                            + describe(controller.endpoint()));
            return new AddResult.Added(view(controller, now));
        }
    }

    @Override
    public ChangeResult update(ControllerId id, String name, BoardEndpoint endpoint, Actor actor) {
        return change(id, name, endpoint, actor, "controller.update");
    }

    @Override
    public ChangeResult replace(ControllerId id, BoardEndpoint endpoint, Actor actor) {
        return change(id, null, endpoint, actor, "controller.replace");
    }

    private ChangeResult change(ControllerId id, String name, BoardEndpoint endpoint, Actor actor, String action) {
        synchronized (changes) {
            Optional<Controller> existing = store.find(id);
            if (existing.isEmpty()) {
                return new ChangeResult.NotFound();
            }
            Controller next = existing.get();
            if (endpoint != null && next.endpoint().protocol().isRemote()) {
                return new ChangeResult.NotForRemote(
                        "A " + next.endpoint().protocol().id()
                                + " location has no board to move or replace: only its name can change");
            }
            if (name != null) {
                next = next.withName(name);
            }
            if (endpoint != null) {
                if (endpoint.hasUnnamedBus()) {
                    // A new bus of its own, named now and stored with the controller.
                    endpoint = withOwnBus(endpoint);
                }
                Optional<Controller> clash = clashing(endpoint, id);
                if (clash.isPresent()) {
                    auditor.record(
                            actor,
                            action,
                            "controller " + id,
                            "CONFLICT",
                            "endpoint in use by " + clash.get().id());
                    return new ChangeResult.EndpointInUse(clash.get().id());
                }
                next = next.withEndpoint(endpoint);
            }
            try {
                store.update(next);
            } catch (ControllerStore.EndpointInUseException e) {
                auditor.record(actor, action, "controller " + id, "CONFLICT", "endpoint in use");
                return new ChangeResult.EndpointInUse(null);
            }
            if (endpoint != null) {
                // The lockers keep their ids, states and transactions; only the way to reach them changes.
                runtime.reattached(id, next.endpoint().protocol(), clock.instant());
                board.attach(id, next.endpoint(), next.lockerCount());
            }
            auditor.record(actor, action, "controller " + id, "OK", next.name() + ", " + describe(next.endpoint()));
            return new ChangeResult.Changed(view(next, clock.instant()));
        }
    }

    @Override
    public RemoveResult remove(ControllerId id, boolean force, Actor actor) {
        synchronized (changes) {
            Removal removal = store.remove(id, force, clock.instant());
            if (removal instanceof Removal.Removed removed) {
                board.detach(id);
                remoteLocations.removed(id, removed.releasedTransactions());
                runtime.detached(id);
                removed.releasedTransactions()
                        .forEach(t -> auditor.record(
                                actor,
                                "transaction.force-release",
                                "transaction " + t.id(),
                                "OK",
                                "controller " + id + " removed with force"));
                auditor.record(
                        actor,
                        "controller.remove",
                        "controller " + id,
                        "OK",
                        force ? "forced, " + removed.releasedTransactions().size() + " transaction(s) released" : null);
                return new RemoveResult.Removed(removed.releasedTransactions().size());
            }
            if (removal instanceof Removal.Refused refused) {
                auditor.record(
                        actor,
                        "controller.remove",
                        "controller " + id,
                        "REFUSED",
                        refused.activeTransactions().size() + " active transaction(s)");
                return new RemoveResult.HasActiveTransactions(
                        refused.activeTransactions().size());
            }
            return new RemoveResult.NotFound();
        }
    }

    @Override
    public AdjustResult adjustLockerCount(ControllerId id, int lockerCount, Actor actor) {
        synchronized (changes) {
            Optional<Controller> existing = store.find(id);
            if (existing.isEmpty()) {
                return new AdjustResult.NotFound();
            }
            Protocol protocol = existing.get().endpoint().protocol();
            if (protocol.isRemote()) {
                return new AdjustResult.NotForRemote(
                        "A " + protocol.id() + " location's devices decide its locker count");
            }
            if (!protocol.drivesLockCount(lockerCount)) {
                return new AdjustResult.OutOfRange(protocol.maxLocks());
            }
            Adjustment adjustment = store.adjustLockerCount(
                    id, lockerCount, defaultLockerType(), DeviceStatus.initial(clock.instant()));
            if (adjustment instanceof Adjustment.Adjusted adjusted) {
                board.attach(id, existing.get().endpoint(), lockerCount);
                auditor.record(
                        actor,
                        "controller.locker-count",
                        "controller " + id,
                        "OK",
                        adjusted.previousCount() + " -> " + adjusted.lockerCount());
                return new AdjustResult.Adjusted(
                        id, adjusted.previousCount(), adjusted.lockerCount(), adjusted.added(), adjusted.removed());
            }
            if (adjustment instanceof Adjustment.Refused refused) {
                auditor.record(
                        actor,
                        "controller.locker-count",
                        "controller " + id,
                        "REFUSED",
                        refused.activeTransactions().size() + " active transaction(s) on lockers to remove");
                return new AdjustResult.HasActiveTransactions(
                        refused.activeTransactions().size());
            }
            return new AdjustResult.NotFound();
        }
    }

    /** Another controller at that endpoint already, audited as a conflict; empty when it is free. */
    private Optional<AddResult> endpointInUse(AddCommand command, Actor actor) {
        return clashing(command.endpoint(), null).map(clash -> {
            auditor.record(actor, "controller.add", command.name(), "CONFLICT", "endpoint in use by " + clash.id());
            return new AddResult.EndpointInUse(clash.id());
        });
    }

    private Optional<Controller> clashing(BoardEndpoint endpoint, ControllerId except) {
        return store.findAll().stream()
                .filter(c -> !c.id().equals(except))
                .filter(c -> c.endpoint().clashesWith(endpoint))
                .findFirst();
    }

    /**
     * The endpoint on a simulated bus of its own, named now and stored with the controller, so the
     * controller finds the same simulated board after a restart. A name some controller's bus
     * already has is never given.
     */
    private BoardEndpoint withOwnBus(BoardEndpoint endpoint) {
        List<String> taken = store.findAll().stream()
                .map(c -> c.endpoint().transport().busKey())
                .toList();
        while (true) {
            Transport.Simulated own = new Transport.Simulated("sim-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            if (!taken.contains(own.busKey())) {
                return endpoint.withTransport(own);
            }
        }
    }

    /** Lockers created by count get the first locker type of the layout. */
    private LockerTypeId defaultLockerType() {
        return layout.lockerTypes().stream()
                .map(t -> t.id())
                .min((a, b) -> Long.compare(a.value(), b.value()))
                .orElseThrow(() -> new IllegalStateException("the layout defines no locker type"));
    }

    private ControllerView view(Controller controller, Instant now) {
        ControllerRuntime.Snapshot snapshot = runtime.snapshot(controller.id())
                .orElse(new ControllerRuntime.Snapshot(false, null, now, "not attached", 0, 0, null, null));
        // A remote location's health is its gateways' own, as the remote site reports it.
        HealthReading health = remoteLocations
                .health(controller.id())
                .orElseGet(() -> new HeartbeatClassifier(thresholds.get())
                        .classify(snapshot.lastSeenAt(), snapshot.attachedAt(), now));
        return new ControllerView(controller, snapshot, health);
    }

    private static String describe(BoardEndpoint endpoint) {
        return endpoint.protocol().id() + " at " + endpoint.transport().busKey() + " address "
                + endpoint.boardAddress();
    }
}
