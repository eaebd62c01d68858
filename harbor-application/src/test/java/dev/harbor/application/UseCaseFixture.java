package dev.harbor.application;

import dev.harbor.application.assembly.HarborCore;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.auth.AuthSettings;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.fakes.InMemoryAdminUserStore;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.InMemoryLoginFailureStore;
import dev.harbor.application.fakes.InMemoryRemoteSite;
import dev.harbor.application.fakes.InMemorySessionStore;
import dev.harbor.application.fakes.InMemoryWebhookDeliveries;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.fakes.RecordingErrorReporter;
import dev.harbor.application.fakes.RecordingGatewayMetrics;
import dev.harbor.application.fakes.SaltedSha256PasswordHasher;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.ScriptedLockBoard;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.TransactionView;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceTimeouts;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The application as {@link HarborCore} assembles it, over in-memory stores and a scripted lock
 * board, with one controller of four lockers: numbers 1-2 small, 3-4 large.
 */
public final class UseCaseFixture {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    public final InMemoryDatabase db = new InMemoryDatabase();
    public final ScriptedLockBoard board = new ScriptedLockBoard();
    /** For tests that build a service of their own beside the assembly. */
    public final Auditor auditor = new Auditor(db.auditTrail(), clock);

    public final HarborCore core;
    /** What the lock board reports its status polls to. */
    public final BoardObserver sensing;
    /** What reaches the error tracker. */
    public final RecordingErrorReporter errorReporter = new RecordingErrorReporter();
    /** What the use cases told the monitoring port. */
    public final RecordingGatewayMetrics metrics = new RecordingGatewayMetrics();
    /** The deliveries the webhook use case remembers. */
    public final InMemoryWebhookDeliveries webhookDeliveries = new InMemoryWebhookDeliveries();
    /** What the webhook use case asks; a test sets the verdict it needs. */
    public WebhookVerifier webhookVerifier = WebhookVerifier.REFUSE_ALL;

    // Driving ports the tests of several packages share; the others are reached through core. A test
    // of one service's whole surface casts to that package-private service in its own package.
    public final QueryTransactions transactions;
    public final OpenAllLockers openAll;
    public final ManageControllers controllers;
    public final ControllerId controller;

    public UseCaseFixture() {
        this(clock -> Optional.empty(), true);
    }

    /** The fixture just started with a board that did not answer the start's read: it has not answered a poll yet. */
    public static UseCaseFixture beforeFirstPoll() {
        return new UseCaseFixture(clock -> Optional.empty(), false);
    }

    /**
     * The fixture with a remote site (Bikeep) whose devices {@code devices} builds over the
     * fixture's clock; its locations are added through {@link #controllers}.
     */
    public static UseCaseFixture withRemoteSite(
            Function<Clock, ? extends RemoteDevices> devices, RemoteSiteSettings settings) {
        return new UseCaseFixture(
                clock -> {
                    InMemoryRemoteSite site = new InMemoryRemoteSite();
                    return Optional.of(new HarborCore.RemoteSite(site, site, devices.apply(clock), settings));
                },
                true);
    }

    private UseCaseFixture(Function<Clock, Optional<HarborCore.RemoteSite>> remoteSite, boolean firstPollAnswered) {
        // Silent while starting, the board fails the read every start makes; answering, it passes it.
        board.silent(!firstPollAnswered);
        AtomicReference<BoardObserver> observer = new AtomicReference<>();
        core = new HarborCore(new HarborCore.Parts(
                new HarborCore.Stores(
                        db.lockerStore(),
                        db.transactionStore(),
                        db.controllerStore(),
                        db.layoutStore(),
                        db.settingsStore(),
                        db.externalDeviceStore(),
                        db.auditTrail(),
                        new InMemoryAdminUserStore(),
                        new InMemorySessionStore(),
                        new InMemoryLoginFailureStore(),
                        webhookDeliveries,
                        db.remoteCommandLog(),
                        "memory",
                        () -> true,
                        DatabaseBackups.NONE),
                given -> {
                    observer.set(given);
                    return board;
                },
                clock,
                new HarborCore.Identity("gateway-1", "test"),
                RuntimeSettings.defaults("Harbor")
                        .withDoorOpen(new DoorOpenSettings(Duration.ofMillis(200), 3, Duration.ofMillis(5))),
                DeviceTimeouts.DEFAULTS,
                Duration.ofMillis(1),
                HostSystem.UNKNOWN,
                ControllerDiscovery.DISABLED,
                (level, limit, since) -> List.of(),
                level -> {},
                errorReporter,
                body -> webhookVerifier.verify(body),
                new HarborCore.Administration(
                        new SaltedSha256PasswordHasher(), AuthSettings.DEFAULTS, () -> {}, Duration.ZERO),
                remoteSite.apply(clock),
                metrics));
        sensing = observer.get();
        transactions = core.queryTransactions();
        openAll = core.openAllLockers();
        controllers = core.manageControllers();
        core.start(new Layout(
                List.of(
                        new Layout.LockerTypeSpec("small", "Small", null, null, null, null),
                        new Layout.LockerTypeSpec("large", "Large", null, null, null, null)),
                List.of(new Layout.BankTypeSpec("Four", null, false, List.of("small", "small", "large", "large"))),
                List.of(new Layout.ControllerSpec("Tower", endpoint("bus-1", 0), "Four"))));
        controller = db.controllerStore().findAll().get(0).id();
        board.silent(false);
    }

    /**
     * The controller's board answers a status poll that reports no lock (so no door changes): a
     * heartbeat, which makes a controller just attached operational.
     */
    public void answered(ControllerId id) {
        sensing.statusRead(id, new BoardStatus(Map.of()), clock.instant());
    }

    public static BoardEndpoint endpoint(String bus, int address) {
        return new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated(bus), address, ProtocolOptions.DEFAULTS);
    }

    /** A transaction that must be created: fails the test otherwise. */
    public TransactionView createTransaction(String id) {
        return ((CreateTransaction.Result.Created)
                        core.createTransaction().create(new CreateTransaction.Command(new TransactionId(id), null)))
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
