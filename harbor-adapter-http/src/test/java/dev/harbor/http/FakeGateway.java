package dev.harbor.http;

import dev.harbor.application.Actor;
import dev.harbor.application.layout.QueryCatalogue;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.RemoteReading;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.GatewayHealth;
import dev.harbor.application.system.GatewayInfo;
import dev.harbor.application.system.LogLine;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.NetworkView;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SettingsChange;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.application.transaction.TransactionView;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.health.Health;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.TransactionId;
import dev.harbor.http.api.LocalApiUseCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A small in-memory gateway behind every use case the HTTP adapter calls: two controllers with
 * two lockers each, a catalogue of two locker types and one bank type. Outcomes that need the
 * hardware (opening) are scripted by the tests.
 */
final class FakeGateway
        implements CreateTransaction,
                QueryTransactions,
                ReleaseTransaction,
                QueryLockers,
                OpenLocker,
                OpenAllLockers,
                UpdateServiceState,
                QueryCatalogue,
                QuerySystem,
                ManageSettings,
                ExternalDevices,
                SystemLogs {

    static final Instant T0 = Instant.parse("2026-02-20T22:56:40Z");
    static final String LOCATION_ID = "b2c3d4e5-0000-4000-8000-000000000001";

    final LockerType small = new LockerType(new LockerTypeId(1), "small", "Small", null, null, null, null, T0);
    final LockerType medium =
            new LockerType(new LockerTypeId(2), "medium", "Medium", "Fits a parcel", 400, 400, 600, T0.plusMillis(5));
    final BankType bank = new BankType(
            new BankTypeId(1),
            "Tower 2",
            "two lockers",
            false,
            List.of(new BankType.Association(2, medium.id()), new BankType.Association(1, small.id())),
            T0);

    final LockerType bikeLocker =
            new LockerType(new LockerTypeId(3), "bike-locker", "Bike locker", null, null, null, null, T0);
    private final List<LockerType> types = new ArrayList<>(List.of(small, medium));

    final Map<LockerId, Locker> lockers = new TreeMap<>(Comparator.comparingLong(LockerId::value));
    final Map<ControllerId, Controller> controllers = new LinkedHashMap<>();
    final Map<ControllerId, Boolean> online = new LinkedHashMap<>();
    final Map<TransactionId, TransactionView> transactions = new LinkedHashMap<>();
    final List<HeartbeatCommand> heartbeats = new ArrayList<>();
    final List<LogLine> logLines = new ArrayList<>();

    Function<LockerId, OpenResult> opening = id -> new OpenResult.Opened(id, true, 1);
    /** What the remote site last reported of an external locker's device; absent for own boards. */
    final Map<LockerId, RemoteReading> remote = new LinkedHashMap<>();
    /** When set, {@link #create} answers this instead of booking. */
    CreateTransaction.Result createOverride;
    /** When set, {@link #release} answers this and keeps the transaction. */
    Outcome releaseOverride;

    GatewayHealth health =
            new GatewayHealth(GatewayHealth.Status.UP, true, new GatewayInfo.ControllerCounts(2, 2), "0.1.0", 12);
    RuntimeSettings settings = RuntimeSettings.defaults("Lobby");
    HealthReading deviceHealth = new HealthReading(Health.HEALTHY, null);
    /** Thrown by {@link #health()}: a bug behind a route, for the 500 path. */
    RuntimeException healthFailure;

    Actor lastActor;
    String lastLogLevel;
    int lastLogLimit;
    Instant lastLogSince;

    FakeGateway() {
        for (long c = 1; c <= 2; c++) {
            ControllerId id = ControllerId.of(c);
            controllers.put(
                    id,
                    new Controller(
                            id,
                            "Tower " + c,
                            new BoardEndpoint(
                                    Protocol.KERONG_CU16,
                                    new Transport.Simulated("bus" + c),
                                    0,
                                    ProtocolOptions.DEFAULTS),
                            c == 1 ? bank.id() : null,
                            2,
                            DiscoveredVia.LAYOUT,
                            T0));
            online.put(id, true);
            for (int n = 1; n <= 2; n++) {
                LockerId lockerId = LockerId.of((c - 1) * 2 + n);
                lockers.put(
                        lockerId,
                        new Locker(
                                lockerId,
                                id,
                                n,
                                n == 1 ? small.id() : medium.id(),
                                DeviceStatus.initial(T0),
                                ServiceState.IN_SERVICE,
                                null));
            }
        }
    }

    /**
     * Adds controller 3, the Bikeep location {@link #LOCATION_ID}, with two external lockers: 5,
     * held by transaction {@code ride-7} and {@code LOCKED} upstream, and 6, whose device is gone
     * upstream (out of service, {@code DEVICE_REMOVED}) and was never read.
     */
    void addBikeepLocation() {
        ControllerId id = ControllerId.of(3);
        controllers.put(
                id,
                new Controller(
                        id,
                        "Station B",
                        new BoardEndpoint(
                                Protocol.BIKEEP, new Transport.Bikeep(LOCATION_ID), 0, ProtocolOptions.DEFAULTS),
                        null,
                        2,
                        DiscoveredVia.MANUAL,
                        T0));
        online.put(id, true);
        types.add(bikeLocker);
        LockerId held = LockerId.of(5);
        lockers.put(
                held,
                new Locker(
                        held,
                        id,
                        1,
                        bikeLocker.id(),
                        new DeviceStatus(DeviceState.BOOKED, T0, null, "ride-7", null, null, null),
                        ServiceState.IN_SERVICE,
                        null,
                        ExternalDevice.bikeep("dev-1", "1", "123456")));
        remote.put(held, new RemoteReading(DeviceState.LOCKED, T0.plusSeconds(5), T0.plusSeconds(3600), true, false));
        LockerId gone = LockerId.of(6);
        lockers.put(
                gone,
                new Locker(
                        gone,
                        id,
                        2,
                        bikeLocker.id(),
                        DeviceStatus.initial(T0),
                        new ServiceState(true, ReasonCode.DEVICE_REMOVED, "gone from the location"),
                        null,
                        ExternalDevice.bikeep("dev-2", null, null)));
        remote.put(gone, RemoteReading.UNKNOWN);
    }

    LockerView view(Locker locker) {
        return new LockerView(
                locker,
                lockerType(locker.lockerTypeId()).orElseThrow(),
                online.get(locker.controllerId()),
                remote.get(locker.id()));
    }

    // --- transactions

    @Override
    public Result create(Command command, Actor actor) {
        lastActor = actor;
        if (createOverride != null) {
            return createOverride;
        }
        TransactionView existing = transactions.get(command.transactionId());
        if (existing != null) {
            return new Result.AlreadyExists(existing);
        }
        Optional<LockerType> wanted = Optional.empty();
        if (command.lockerTypeSlug() != null) {
            wanted = lockerTypeBySlug(command.lockerTypeSlug());
            if (wanted.isEmpty()) {
                return new Result.UnknownLockerType(command.lockerTypeSlug());
            }
        }
        Optional<LockerTypeId> typeId = wanted.map(LockerType::id);
        Optional<Locker> free = lockers.values().stream()
                .filter(l -> view(l).available())
                .filter(l -> typeId.isEmpty() || typeId.get().equals(l.lockerTypeId()))
                .findFirst();
        if (free.isEmpty()) {
            return new Result.NoAvailableLocker();
        }
        Locker locker = free.get();
        lockers.put(
                locker.id(),
                locker.withDevice(new DeviceStatus(
                        DeviceState.BOOKED,
                        T0.plusSeconds(1),
                        null,
                        command.transactionId().value(),
                        null,
                        null,
                        null)));
        TransactionView created = new TransactionView(
                command.transactionId(),
                locker.id(),
                lockerType(locker.lockerTypeId()).orElseThrow().slug(),
                T0.plusSeconds(1),
                0);
        transactions.put(command.transactionId(), created);
        return new Result.Created(created);
    }

    @Override
    public List<TransactionView> active() {
        return List.copyOf(transactions.values());
    }

    @Override
    public Optional<TransactionView> find(TransactionId id) {
        return Optional.ofNullable(transactions.get(id));
    }

    @Override
    public Outcome release(TransactionId id, Actor actor) {
        lastActor = actor;
        if (releaseOverride != null) {
            return releaseOverride;
        }
        TransactionView removed = transactions.remove(id);
        if (removed == null) {
            return new Outcome.NotFound();
        }
        lockers.computeIfPresent(removed.lockerId(), (k, l) -> l.withDevice(DeviceStatus.initial(T0.plusSeconds(2))));
        return new Outcome.Released();
    }

    // --- lockers

    @Override
    public List<LockerView> list(LockerFilter filter) {
        return lockers.values().stream().map(this::view).filter(filter::matches).toList();
    }

    @Override
    public Optional<LockerView> find(LockerId id) {
        return Optional.ofNullable(lockers.get(id)).map(this::view);
    }

    @Override
    public List<ControllerLayout> layout() {
        return controllers.values().stream()
                .map(c -> new ControllerLayout(
                        c,
                        online.get(c.id()),
                        online.get(c.id()) ? T0 : null,
                        lockers.values().stream()
                                .filter(l -> l.controllerId().equals(c.id()))
                                .map(l -> new Slot(
                                        l.id(),
                                        l.bankLockerNumber(),
                                        lockerType(l.lockerTypeId()).orElseThrow()))
                                .toList()))
                .toList();
    }

    @Override
    public boolean update(LockerId id, ServiceState service, Actor actor) {
        lastActor = actor;
        return lockers.computeIfPresent(id, (k, l) -> l.withService(service)) != null;
    }

    @Override
    public OpenResult openForTransaction(TransactionId id, Actor actor) {
        lastActor = actor;
        TransactionView transaction = transactions.get(id);
        if (transaction == null) {
            return new OpenResult.TransactionNotFound();
        }
        OpenResult result = opening.apply(transaction.lockerId());
        if (result instanceof OpenResult.Opened) {
            transactions.put(
                    id,
                    new TransactionView(
                            id,
                            transaction.lockerId(),
                            transaction.lockerTypeSlug(),
                            transaction.createdAt(),
                            transaction.openCount() + 1));
        }
        return result;
    }

    @Override
    public OpenResult openLocker(LockerId id, Actor actor) {
        lastActor = actor;
        return lockers.containsKey(id) ? opening.apply(id) : new OpenResult.LockerNotFound();
    }

    @Override
    public Report openAll(Actor actor) {
        lastActor = actor;
        return new Report(lockers.keySet().stream().map(opening).toList());
    }

    // --- layout

    @Override
    public List<LockerType> lockerTypes() {
        return List.copyOf(types);
    }

    @Override
    public Optional<LockerType> lockerType(LockerTypeId id) {
        return lockerTypes().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<LockerType> lockerTypeBySlug(String slug) {
        return lockerTypes().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public List<BankType> bankTypes() {
        return List.of(bank);
    }

    @Override
    public Optional<BankType> bankType(BankTypeId id) {
        return bank.id().equals(id) ? Optional.of(bank) : Optional.empty();
    }

    // --- system

    @Override
    public GatewayInfo info() {
        return new GatewayInfo(
                "gw-1",
                settings.name(),
                "0.1.0",
                T0,
                12,
                refreshNetwork(),
                "sqlite",
                new GatewayInfo.ControllerCounts(2, 2),
                new GatewayInfo.LockerCounts(4, 3, 1, 0),
                settings);
    }

    @Override
    public GatewayHealth health() {
        if (healthFailure != null) {
            throw healthFailure;
        }
        return health;
    }

    @Override
    public NetworkView refreshNetwork() {
        return new NetworkView(
                "harbor-box", List.of(new NetworkView.Interface("eth0", "192.168.1.20", null, "00:11:22:33:44:55")));
    }

    @Override
    public RuntimeSettings current() {
        return settings;
    }

    @Override
    public RuntimeSettings change(SettingsChange change, Actor actor) {
        lastActor = actor;
        settings = change.applyTo(settings);
        return settings;
    }

    @Override
    public void recordHeartbeat(HeartbeatCommand heartbeat) {
        heartbeats.removeIf(h -> h.deviceId().equals(heartbeat.deviceId()));
        heartbeats.add(heartbeat);
    }

    @Override
    public List<DeviceView> devices() {
        // The application stamps a heartbeat with its own clock when it arrives: here, the tests' fixed now.
        return heartbeats.stream()
                .map(h -> new DeviceView(
                        h.deviceId(),
                        h.deviceType(),
                        h.status(),
                        h.softwareVersion(),
                        h.details(),
                        ApiTest.NOW,
                        deviceHealth))
                .toList();
    }

    @Override
    public List<LogLine> recent(String minimumLevel, int limit, Instant since) {
        lastLogLevel = minimumLevel;
        lastLogLimit = limit;
        lastLogSince = since;
        return logLines.stream().limit(limit).toList();
    }

    LocalApiUseCases useCases() {
        return new LocalApiUseCases(this, this, this, this, this, this, this, this, this, this, this, this);
    }
}
