package dev.harbor.application;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerService;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.layout.LayoutLoader;
import dev.harbor.application.locker.DoorOpenPolicy;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.locker.DoorOpener;
import dev.harbor.application.locker.DoorSensing;
import dev.harbor.application.locker.LockerService;
import dev.harbor.application.locker.OpenAllService;
import dev.harbor.application.locker.ScriptedLockBoard;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.TransactionService;
import dev.harbor.application.transaction.TransactionView;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceTimeouts;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The application's services over in-memory stores and a scripted lock board, with one
 * controller of four lockers: numbers 1-2 small, 3-4 large.
 */
public final class UseCaseFixture {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    public final InMemoryDatabase db = new InMemoryDatabase();
    public final ScriptedLockBoard board = new ScriptedLockBoard();
    public final ControllerRuntime runtime = new ControllerRuntime();
    public final DeviceStateMachine machine = new DeviceStateMachine(DeviceTimeouts.DEFAULTS);
    public final Auditor auditor = new Auditor(db.auditTrail(), clock);
    public final DoorSensing sensing = new DoorSensing(db.lockerStore(), runtime, machine);
    public final DoorOpener doorOpener = new DoorOpener(
            board,
            new DoorOpenPolicy(() -> new DoorOpenSettings(Duration.ofMillis(200), 3, Duration.ofMillis(5))),
            runtime,
            clock);
    public final TransactionService transactions =
            new TransactionService(db.transactionStore(), db.lockerStore(), db.layoutStore(), runtime, machine, clock);
    public final LockerService lockers = new LockerService(
            db.lockerStore(),
            db.controllerStore(),
            db.transactionStore(),
            db.layoutStore(),
            runtime,
            doorOpener,
            auditor);
    public final OpenAllService openAll =
            new OpenAllService(db.lockerStore(), db.controllerStore(), doorOpener, auditor, Duration.ofMillis(1));
    public final ControllerService controllers = new ControllerService(
            db.controllerStore(), db.layoutStore(), board, runtime, auditor, () -> HeartbeatThresholds.DEFAULTS, clock);
    public final ControllerId controller;

    public UseCaseFixture() {
        new LayoutLoader(db.layoutStore(), db.controllerStore(), controllers, clock)
                .load(new Layout(
                        List.of(
                                new Layout.LockerTypeSpec("small", "Small", null, null, null, null),
                                new Layout.LockerTypeSpec("large", "Large", null, null, null, null)),
                        List.of(new Layout.BankTypeSpec(
                                "Four", null, false, List.of("small", "small", "large", "large"))),
                        List.of(new Layout.ControllerSpec("Tower", endpoint("bus-1", 0), "Four"))));
        controller = db.controllerStore().findAll().get(0).id();
    }

    public static BoardEndpoint endpoint(String bus, int address) {
        return new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated(bus), address, ProtocolOptions.DEFAULTS);
    }

    /** A transaction that must be created: fails the test otherwise. */
    public TransactionView createTransaction(String id) {
        return ((CreateTransaction.Result.Created)
                        transactions.create(new CreateTransaction.Command(new TransactionId(id), null)))
                .transaction();
    }

    public List<Locker> allLockers() {
        return db.lockerStore().findAll();
    }

    public Locker locker(int bankLockerNumber) {
        return allLockers().stream()
                .filter(l -> l.bankLockerNumber() == bankLockerNumber)
                .findFirst()
                .orElseThrow();
    }
}
