package dev.harbor.app;

import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ListRemoteLocations;
import dev.harbor.application.allowlist.QueryAllowlists;
import dev.harbor.application.assembly.HarborCore;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.auth.AuthSettings;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.layout.QueryCatalogue;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.ErrorReporter;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.PasswordHasher;
import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RebootGateway;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.application.webhook.ReceiveWebhooks;
import dev.harbor.domain.device.DeviceTimeouts;
import dev.harbor.persistence.BcryptPasswordHasher;
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

    private final HarborCore core;
    private final Layout layout;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService remoteScheduler;
    private final Duration remotePoll;
    private final Duration sweepInterval;

    private Harbor(Builder builder) {
        Objects.requireNonNull(builder.stores, "stores are required");
        Objects.requireNonNull(builder.lockBoard, "a lock board is required");
        core = new HarborCore(new HarborCore.Parts(
                builder.stores,
                builder.lockBoard,
                builder.clock,
                new HarborCore.Identity(builder.gatewayId, Version.current()),
                builder.defaultSettings,
                builder.deviceTimeouts,
                builder.openAllGap,
                builder.hostSystem,
                builder.discovery,
                builder.logBook,
                builder.logLevelApplier,
                builder.errorReporter,
                builder.webhookVerifier,
                new HarborCore.Administration(
                        builder.passwordHasher != null ? builder.passwordHasher : new BcryptPasswordHasher(),
                        builder.authSettings,
                        builder.onReboot,
                        builder.rebootDelay),
                Optional.ofNullable(builder.remoteSite),
                builder.metrics));
        layout = builder.layout;
        sweepInterval = builder.sweepInterval;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "harbor-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        remotePoll = builder.remoteSite == null
                ? null
                : builder.remoteSite.settings().commandPoll();
        remoteScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "harbor-bikeep");
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
        startReading().await();
    }

    /**
     * {@link #start} without waiting for the boards' first reads: the standalone server builds its
     * HTTP routes meanwhile and listens only once {@link HarborCore.FirstReads#await} has returned.
     */
    HarborCore.FirstReads startReading() {
        HarborCore.FirstReads reads = core.startReading(layout);
        scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (remotePoll != null) {
            // Their own thread: a slow Bikeep must not hold up the deadline sweep of our own lockers.
            remoteScheduler.scheduleWithFixedDelay(
                    () -> quietly("Bikeep sync", core::syncRemoteSites), 0, 1_000, TimeUnit.MILLISECONDS);
            remoteScheduler.scheduleWithFixedDelay(
                    () -> quietly("Bikeep commands", core::finishRemoteCommands),
                    0,
                    remotePoll.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return reads;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The next round tries again; a scheduled task that throws would never run again.
            log.warn("{} failed: {}", what, e.toString());
        }
    }

    private void sweepQuietly() {
        try {
            core.sweepDeadlines();
        } catch (RuntimeException e) {
            // The next sweep tries again; a scheduled task that throws would never run again.
            log.warn("Deadline sweep failed: {}", e.toString());
        }
    }

    public CreateTransaction createTransaction() {
        return core.createTransaction();
    }

    public QueryTransactions queryTransactions() {
        return core.queryTransactions();
    }

    public ReleaseTransaction releaseTransaction() {
        return core.releaseTransaction();
    }

    public QueryLockers queryLockers() {
        return core.queryLockers();
    }

    public OpenLocker openLocker() {
        return core.openLocker();
    }

    public UpdateServiceState updateServiceState() {
        return core.updateServiceState();
    }

    public OpenAllLockers openAllLockers() {
        return core.openAllLockers();
    }

    public ManageControllers manageControllers() {
        return core.manageControllers();
    }

    /** The manual mDNS scan for network lock controllers; answers {@code Disabled} unless discovery is given. */
    public DiscoverControllers discoverControllers() {
        return core.discoverControllers();
    }

    public ManageSettings manageSettings() {
        return core.manageSettings();
    }

    public ExternalDevices externalDevices() {
        return core.externalDevices();
    }

    public SystemLogs systemLogs() {
        return core.systemLogs();
    }

    public QuerySystem querySystem() {
        return core.querySystem();
    }

    /** Admin sign-in and sessions, over the admin users in the stores. */
    public AdminAuthentication adminAuthentication() {
        return core.adminAuthentication();
    }

    /**
     * Creates the admin user, or changes its password (its open sessions then end).
     *
     * @throws IllegalArgumentException for a username or password the rules refuse
     */
    public void ensureAdmin(String username, String password) {
        core.ensureAdmin(username, password);
    }

    /** Reboots the host after the orderly shutdown given as {@link Builder#onReboot}; {@code Disabled} without a host that can. */
    public RebootGateway rebootGateway() {
        return core.rebootGateway();
    }

    /** The locker and bank types, read only. */
    /** Copies the database while Harbor runs; SQLite only (PostgreSQL: {@code pg_dump}). */
    public BackUpDatabase backUpDatabase() {
        return core.backUpDatabase();
    }

    public QueryCatalogue queryCatalogue() {
        return core.queryCatalogue();
    }

    /** Reports an unexpected failure to the {@link Builder#errorReporter} (Sentry), or sends it a test event. */
    public ReportErrors reportErrors() {
        return core.reportErrors();
    }

    /** Bikeep's webhook deliveries, checked by the {@link Builder#webhookVerifier}: none is accepted without one. */
    public ReceiveWebhooks receiveWebhooks() {
        return core.receiveWebhooks();
    }

    /** The remote site's (Bikeep's) locations; answers {@code IntegrationOff} unless {@link Builder#remoteSite} was given. */
    public ListRemoteLocations listRemoteLocations() {
        return core.listRemoteLocations();
    }

    /** The RFID allowlists of the remote site's locations and their cards; {@code IntegrationOff} without one. */
    public QueryAllowlists queryAllowlists() {
        return core.queryAllowlists();
    }

    /** Adds or removes allowlist cards (audited); {@code IntegrationOff} without a remote site. */
    public ChangeAllowlistCards changeAllowlistCards() {
        return core.changeAllowlistCards();
    }

    /** The stores as Harbor uses them: lockers, transactions, controllers and layout read from memory. */
    public HarborCore.Stores stores() {
        return core.stores();
    }

    /** Stops the sweep, then the boards (their queues drain first). The stores are the caller's to close. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        remoteScheduler.shutdownNow();
        try {
            // A Bikeep round in progress finishes its database writes before the stores close.
            remoteScheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (core.lockBoard() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing the lock boards failed: {}", e.toString());
            }
        }
    }

    /** Safe defaults everywhere; what must be given is named. */
    public static final class Builder {
        private HarborCore.Stores stores;
        private Function<BoardObserver, LockBoard> lockBoard;
        private Clock clock = Clock.systemUTC();
        private Layout layout;
        private RuntimeSettings defaultSettings = RuntimeSettings.defaults("Harbor");
        private DeviceTimeouts deviceTimeouts = DeviceTimeouts.DEFAULTS;
        private Duration openAllGap = Duration.ofMillis(250);
        private Duration sweepInterval = Duration.ofSeconds(1);
        private String gatewayId = UUID.randomUUID().toString();
        private HostSystem hostSystem = HostSystem.UNKNOWN;
        private ControllerDiscovery discovery = ControllerDiscovery.DISABLED;
        private LogBook logBook = (level, limit, since) -> java.util.List.of();
        private Consumer<String> logLevelApplier = level -> {};
        private ErrorReporter errorReporter = ErrorReporter.DISABLED;
        private WebhookVerifier webhookVerifier = WebhookVerifier.REFUSE_ALL;
        private GatewayMetrics metrics = GatewayMetrics.NOOP;
        private PasswordHasher passwordHasher;
        private AuthSettings authSettings = AuthSettings.DEFAULTS;
        private Runnable onReboot = () -> {};
        private Duration rebootDelay = Duration.ofMillis(500);
        private HarborCore.RemoteSite remoteSite;

        private Builder() {}

        /** Required: where transactions, lockers and controllers are kept ({@link HarborStores#of}). */
        public Builder stores(HarborCore.Stores stores) {
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

        /** Where unexpected failures are reported (Sentry); none by default: they are only logged. */
        public Builder errorReporter(ErrorReporter reporter) {
            this.errorReporter = Objects.requireNonNull(reporter);
            return this;
        }

        /**
         * Where door opens, board polls and transactions are counted (the standalone server's
         * Prometheus registry). Default: {@link GatewayMetrics#NOOP}, nothing is measured.
         */
        public Builder metrics(GatewayMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /**
         * What tells a genuine Bikeep webhook delivery from a forged one (the Bikeep adapter's
         * {@code BikeepWebhookVerifier} with the webhook seed). Default: every delivery is refused.
         */
        public Builder webhookVerifier(WebhookVerifier verifier) {
            this.webhookVerifier = Objects.requireNonNull(verifier);
            return this;
        }

        /** How admin passwords are hashed; bcrypt at its default cost otherwise. */
        public Builder passwordHasher(PasswordHasher hasher) {
            this.passwordHasher = Objects.requireNonNull(hasher);
            return this;
        }

        /** Session lifetimes and the sign-in lockout. */
        public Builder authSettings(AuthSettings settings) {
            this.authSettings = Objects.requireNonNull(settings);
            return this;
        }

        /**
         * The orderly shutdown run before the host reboots (see {@link #hostSystem}): stop what
         * serves requests, then close this Harbor and the stores. Nothing by default.
         */
        public Builder onReboot(Runnable shutdown) {
            this.onReboot = Objects.requireNonNull(shutdown);
            return this;
        }

        /** The pause between answering a reboot request and the shutdown, so the answer leaves first. */
        public Builder rebootDelay(Duration delay) {
            this.rebootDelay = Objects.requireNonNull(delay);
            return this;
        }

        /**
         * A remote site's cloud (Bikeep, through {@code BikeepRemoteSites}, {@code
         * BikeepRemoteAllowlists} and {@code BikeepRemoteDevices}): its locations, RFID allowlists and
         * devices, which {@code POST /controllers} with protocol {@code bikeep} turns into lockers.
         * None by default: those use cases then answer that the integration is off.
         */
        public Builder remoteSite(
                RemoteSites sites, RemoteAllowlists allowlists, RemoteDevices devices, RemoteSiteSettings settings) {
            this.remoteSite = new HarborCore.RemoteSite(sites, allowlists, devices, settings);
            return this;
        }

        public Harbor build() {
            return new Harbor(this);
        }
    }
}
