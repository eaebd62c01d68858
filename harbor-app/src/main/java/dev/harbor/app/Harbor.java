package dev.harbor.app;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.cache.ReadCache;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerService;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.DiscoveryService;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.layout.LayoutLoader;
import dev.harbor.application.locker.DeadlineSweep;
import dev.harbor.application.locker.DoorOpenPolicy;
import dev.harbor.application.locker.DoorOpener;
import dev.harbor.application.locker.DoorSensing;
import dev.harbor.application.locker.LockerService;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenAllService;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.system.ExternalDeviceService;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SettingsService;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.application.system.SystemLogsService;
import dev.harbor.application.system.SystemService;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.application.transaction.TransactionService;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harbor as a library: the use cases wired to the stores and lock boards you give it, with no HTTP
 * server. Build it with {@link #builder()}, {@link #start()} it, use the use cases, {@link #close()} it.
 *
 * <pre>{@code
 * try (Database database = Database.sqlite(Path.of("data"));
 *      Harbor harbor = Harbor.builder()
 *              .stores(HarborStores.of(database))
 *              .lockBoard(observer -> myLockBoard(observer))
 *              .layout(DemoLayout.create())
 *              .build()) {
 *     harbor.start();
 *     harbor.createTransaction().create(new CreateTransaction.Command(new TransactionId("order-1"), null));
 * }
 * }</pre>
 */
public final class Harbor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Harbor.class);

    private final TransactionService transactions;
    private final LockerService lockers;
    private final OpenAllService openAll;
    private final ControllerService controllers;
    private final DiscoveryService discovery;
    private final SettingsService settings;
    private final ExternalDeviceService externalDevices;
    private final SystemLogsService systemLogs;
    private final SystemService system;
    private final DeadlineSweep deadlineSweep;
    private final LayoutLoader layoutLoader;
    private final Optional<Layout> layout;
    private final LockBoard lockBoard;
    private final HarborStores stores;
    private final ScheduledExecutorService scheduler;
    private final Duration sweepInterval;

    private Harbor(Builder builder) {
        Clock clock = builder.clock;
        HarborStores given = Objects.requireNonNull(builder.stores, "stores are required");
        // The API reads lockers and types from memory; every write still goes to the database first.
        ReadCache cache = new ReadCache(given.lockers(), given.transactions(), given.controllers(), given.layout());
        stores = new HarborStores(
                cache.lockers(),
                cache.transactions(),
                cache.controllers(),
                cache.layout(),
                given.settings(),
                given.externalDevices(),
                given.auditTrail(),
                given.storageName(),
                given.isUp());
        Objects.requireNonNull(builder.lockBoard, "a lock board is required");
        DeviceStateMachine machine = new DeviceStateMachine(builder.deviceTimeouts);
        ControllerRuntime runtime = new ControllerRuntime();
        Auditor auditor = new Auditor(stores.auditTrail(), clock);
        settings = new SettingsService(stores.settings(), builder.defaultSettings, auditor, builder.logLevelApplier);
        DoorSensing sensing = new DoorSensing(stores.lockers(), runtime, machine);
        lockBoard = builder.lockBoard.apply(sensing);
        DoorOpener doorOpener = new DoorOpener(
                lockBoard, new DoorOpenPolicy(() -> settings.current().doorOpen()), runtime, clock);
        transactions = new TransactionService(
                stores.transactions(), stores.lockers(), stores.layout(), runtime, machine, clock);
        lockers = new LockerService(
                stores.lockers(),
                stores.controllers(),
                stores.transactions(),
                stores.layout(),
                runtime,
                doorOpener,
                auditor);
        openAll = new OpenAllService(stores.lockers(), stores.controllers(), doorOpener, auditor, builder.openAllGap);
        controllers = new ControllerService(
                stores.controllers(),
                stores.layout(),
                lockBoard,
                runtime,
                auditor,
                () -> settings.current().heartbeat(),
                clock);
        discovery = new DiscoveryService(builder.discovery, controllers, auditor);
        layoutLoader = new LayoutLoader(stores.layout(), stores.controllers(), controllers, clock);
        layout = Optional.ofNullable(builder.layout);
        externalDevices = new ExternalDeviceService(
                stores.externalDevices(), () -> settings.current().heartbeat(), clock);
        systemLogs = new SystemLogsService(builder.logBook, stores.auditTrail());
        system = new SystemService(
                new SystemService.Identity(builder.gatewayId, Version.current(), clock.instant(), stores.storageName()),
                builder.hostSystem,
                builder.discovery,
                stores.isUp(),
                runtime,
                lockers,
                settings,
                clock);
        deadlineSweep = new DeadlineSweep(stores.lockers(), machine, clock);
        sweepInterval = builder.sweepInterval;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "harbor-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Drives every stored controller, brings the layout into the database, and starts the sweep
     * that applies state deadlines.
     */
    public void start() {
        controllers.attachAll();
        layout.ifPresent(layoutLoader::load);
        scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            deadlineSweep.sweep();
        } catch (RuntimeException e) {
            // The next sweep tries again; a scheduled task that throws would never run again.
            log.warn("Deadline sweep failed: {}", e.toString());
        }
    }

    public CreateTransaction createTransaction() {
        return transactions;
    }

    public QueryTransactions queryTransactions() {
        return transactions;
    }

    public ReleaseTransaction releaseTransaction() {
        return transactions;
    }

    public QueryLockers queryLockers() {
        return lockers;
    }

    public OpenLocker openLocker() {
        return lockers;
    }

    public UpdateServiceState updateServiceState() {
        return lockers;
    }

    public OpenAllLockers openAllLockers() {
        return openAll;
    }

    public ManageControllers manageControllers() {
        return controllers;
    }

    /** The manual mDNS scan for network lock controllers; answers {@code Disabled} unless discovery is given. */
    public DiscoverControllers discoverControllers() {
        return discovery;
    }

    public ManageSettings manageSettings() {
        return settings;
    }

    public ExternalDevices externalDevices() {
        return externalDevices;
    }

    public SystemLogs systemLogs() {
        return systemLogs;
    }

    public QuerySystem querySystem() {
        return system;
    }

    public HarborStores stores() {
        return stores;
    }

    /** Stops the sweep, then the boards (their queues drain first). The stores are the caller's to close. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        if (lockBoard instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing the lock boards failed: {}", e.toString());
            }
        }
    }

    /** Safe defaults everywhere; what must be given is named. */
    public static final class Builder {
        private HarborStores stores;
        private Function<BoardObserver, LockBoard> lockBoard;
        private Clock clock = Clock.systemUTC();
        private Layout layout;
        private RuntimeSettings defaultSettings = RuntimeSettings.defaults("Harbor");
        private DeviceTimeouts deviceTimeouts = DeviceTimeouts.DEFAULTS;
        private Duration openAllGap = Duration.ofMillis(250);
        private Duration sweepInterval = Duration.ofSeconds(1);
        private String gatewayId = UUID.randomUUID().toString();
        private HostSystem hostSystem = NoHostSystem.INSTANCE;
        private ControllerDiscovery discovery = ControllerDiscovery.DISABLED;
        private LogBook logBook = (level, limit, since) -> java.util.List.of();
        private Consumer<String> logLevelApplier = level -> {};

        private Builder() {}

        /** Required: where transactions, lockers and controllers are kept. */
        public Builder stores(HarborStores stores) {
            this.stores = stores;
            return this;
        }

        /** Required: the lock boards, built with the observer that receives their status polls. */
        public Builder lockBoard(Function<BoardObserver, LockBoard> lockBoard) {
            this.lockBoard = lockBoard;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The installation to bring into the stores at start; none: only what is stored already. */
        public Builder layout(Layout layout) {
            this.layout = layout;
            return this;
        }

        public Builder defaultSettings(RuntimeSettings settings) {
            this.defaultSettings = Objects.requireNonNull(settings);
            return this;
        }

        public Builder deviceTimeouts(DeviceTimeouts timeouts) {
            this.deviceTimeouts = Objects.requireNonNull(timeouts);
            return this;
        }

        /** The pause between two locks of one bus during open-all (the locks' power draw). */
        public Builder openAllGap(Duration gap) {
            this.openAllGap = Objects.requireNonNull(gap);
            return this;
        }

        public Builder sweepInterval(Duration interval) {
            this.sweepInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** A stable id for this gateway; a random one for each process otherwise. */
        public Builder gatewayId(String gatewayId) {
            this.gatewayId = Objects.requireNonNull(gatewayId);
            return this;
        }

        public Builder hostSystem(HostSystem hostSystem) {
            this.hostSystem = Objects.requireNonNull(hostSystem);
            return this;
        }

        public Builder discovery(ControllerDiscovery discovery) {
            this.discovery = Objects.requireNonNull(discovery);
            return this;
        }

        public Builder logBook(LogBook logBook) {
            this.logBook = Objects.requireNonNull(logBook);
            return this;
        }

        public Builder logLevelApplier(Consumer<String> applier) {
            this.logLevelApplier = Objects.requireNonNull(applier);
            return this;
        }

        public Harbor build() {
            return new Harbor(this);
        }
    }
}
