package dev.harbor.application.assembly;

import dev.harbor.application.allowlist.AllowlistUseCases;
import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ListRemoteLocations;
import dev.harbor.application.allowlist.QueryAllowlists;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.auth.AuthSettings;
import dev.harbor.application.auth.AuthUseCases;
import dev.harbor.application.cache.ReadCache;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerUseCases;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.diagnostics.DiagnosticsUseCases;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.layout.LayoutUseCases;
import dev.harbor.application.layout.QueryCatalogue;
import dev.harbor.application.locker.LockerAvailability;
import dev.harbor.application.locker.LockerUseCases;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.StartupPoll;
import dev.harbor.application.locker.SweepDeadlines;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.application.port.ErrorReporter;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.PasswordHasher;
import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.application.remote.RemoteUseCases;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.GatewayIdentity;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RebootGateway;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.application.system.SystemUseCases;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.application.transaction.TransactionUseCases;
import dev.harbor.application.webhook.ReceiveWebhooks;
import dev.harbor.application.webhook.WebhookUseCases;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The application assembled once: every service built one time over the driven ports in
 * {@link Parts} (by its feature package's {@code …UseCases}, the services themselves being
 * package-private), with one {@link Auditor} and one read cache in front of the stores, and the
 * driving ports handed out. The embeddable {@code Harbor}, the standalone server and the use-case
 * tests all build it this way, so none of them can wire a service differently.
 */
public final class HarborCore {

    /**
     * Every store the application needs, with the name of the storage and its health check.
     *
     * @param isUp    answers whether the storage can be reached now (for {@code GET /health})
     * @param backups copies of the storage made while the gateway runs ({@link DatabaseBackups#NONE}: none)
     */
    public record Stores(
            LockerStore lockers,
            TransactionStore transactions,
            ControllerStore controllers,
            LayoutStore layout,
            SettingsStore settings,
            ExternalDeviceStore externalDevices,
            AuditTrail auditTrail,
            AdminUserStore adminUsers,
            SessionStore sessions,
            LoginFailureStore loginFailures,
            WebhookDeliveries webhookDeliveries,
            RemoteCommandLog remoteCommands,
            String storageName,
            BooleanSupplier isUp,
            DatabaseBackups backups) {

        public Stores {
            Objects.requireNonNull(lockers, "lockers");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(controllers, "controllers");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(externalDevices, "externalDevices");
            Objects.requireNonNull(auditTrail, "auditTrail");
            Objects.requireNonNull(adminUsers, "adminUsers");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(loginFailures, "loginFailures");
            Objects.requireNonNull(webhookDeliveries, "webhookDeliveries");
            Objects.requireNonNull(remoteCommands, "remoteCommands");
            Objects.requireNonNull(storageName, "storageName");
            Objects.requireNonNull(isUp, "isUp");
            Objects.requireNonNull(backups, "backups");
        }
    }

    /** Who this gateway is, as {@code GET /system} tells it. */
    public record Identity(String gatewayId, String version) {

        public Identity {
            Objects.requireNonNull(gatewayId, "gatewayId");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Signing in and rebooting.
     *
     * @param shutdown    the gateway's orderly close, run before a reboot (HTTP, boards, database)
     * @param rebootDelay the pause between answering a reboot request and {@code shutdown}
     */
    public record Administration(
            PasswordHasher hasher, AuthSettings authSettings, Runnable shutdown, Duration rebootDelay) {

        public Administration {
            Objects.requireNonNull(hasher, "hasher");
            Objects.requireNonNull(authSettings, "authSettings");
            Objects.requireNonNull(shutdown, "shutdown");
            Objects.requireNonNull(rebootDelay, "rebootDelay");
        }
    }

    /**
     * A remote site's cloud (Bikeep): its locations, their devices and RFID allowlists, and how
     * Harbor follows and drives the devices.
     */
    public record RemoteSite(
            RemoteSites sites, RemoteAllowlists allowlists, RemoteDevices devices, RemoteSiteSettings settings) {

        public RemoteSite {
            Objects.requireNonNull(sites, "sites");
            Objects.requireNonNull(allowlists, "allowlists");
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * What the application is built from.
     *
     * @param lockBoard       builds the lock boards with the observer that receives their status polls
     * @param defaultSettings the runtime settings where none are stored
     * @param openAllGap      the pause between two locks of one bus during open-all (their power draw)
     * @param logLevelApplier sets the root level of the logging back end
     * @param errorReporter   where unexpected failures are reported ({@link ErrorReporter#DISABLED}: only logged)
     * @param webhookVerifier checks Bikeep's webhook deliveries ({@link WebhookVerifier#REFUSE_ALL}: none accepted)
     * @param remoteSite      the remote site's cloud; empty: that integration is off and its use cases say so
     * @param metrics         told of door opens, board polls and transactions ({@link GatewayMetrics#NOOP}: nothing)
     */
    public record Parts(
            Stores stores,
            Function<BoardObserver, LockBoard> lockBoard,
            Clock clock,
            Identity identity,
            RuntimeSettings defaultSettings,
            DeviceTimeouts deviceTimeouts,
            Duration openAllGap,
            HostSystem hostSystem,
            ControllerDiscovery discovery,
            LogBook logBook,
            Consumer<String> logLevelApplier,
            ErrorReporter errorReporter,
            WebhookVerifier webhookVerifier,
            Administration administration,
            Optional<RemoteSite> remoteSite,
            GatewayMetrics metrics) {

        public Parts {
            Objects.requireNonNull(stores, "stores");
            Objects.requireNonNull(lockBoard, "lockBoard");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(defaultSettings, "defaultSettings");
            Objects.requireNonNull(deviceTimeouts, "deviceTimeouts");
            Objects.requireNonNull(openAllGap, "openAllGap");
            Objects.requireNonNull(hostSystem, "hostSystem");
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(logBook, "logBook");
            Objects.requireNonNull(logLevelApplier, "logLevelApplier");
            Objects.requireNonNull(errorReporter, "errorReporter");
            Objects.requireNonNull(webhookVerifier, "webhookVerifier");
            Objects.requireNonNull(administration, "administration");
            Objects.requireNonNull(remoteSite, "remoteSite");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    private final Stores stores;
    /** How long one board's read at start-up may take. */
    private static final Duration STARTUP_READ_DEADLINE = Duration.ofSeconds(1);
    /** How long the start waits for those reads at most, whatever the number of boards. */
    private static final Duration STARTUP_POLL_WAIT = Duration.ofSeconds(3);

    private final LockBoard lockBoard;
    private final StartupPoll startupPoll;
    private final TransactionUseCases transactions;
    private final LockerUseCases lockers;
    private final ControllerUseCases controllers;
    private final ManageSettings settings;
    private final ExternalDevices externalDevices;
    private final SystemLogs systemLogs;
    private final QuerySystem system;
    private final AuthUseCases authentication;
    private final RebootGateway reboot;
    private final BackUpDatabase backup;
    private final SweepDeadlines deadlineSweep;
    private final LayoutUseCases layouts;
    private final ReportErrors errorReports;
    private final ReceiveWebhooks webhooks;
    private final AllowlistUseCases allowlists;
    private final RemoteUseCases remote;

    public HarborCore(Parts parts) {
        Clock clock = parts.clock();
        Stores given = parts.stores();
        // The API reads lockers and types from memory; every write still goes to the database first.
        ReadCache cache = new ReadCache(given.lockers(), given.transactions(), given.controllers(), given.layout());
        stores = new Stores(
                cache.lockers(),
                cache.transactions(),
                cache.controllers(),
                cache.layout(),
                given.settings(),
                given.externalDevices(),
                given.auditTrail(),
                given.adminUsers(),
                given.sessions(),
                given.loginFailures(),
                given.webhookDeliveries(),
                given.remoteCommands(),
                given.storageName(),
                given.isUp(),
                given.backups());
        DeviceStateMachine machine = new DeviceStateMachine(parts.deviceTimeouts());
        ControllerRuntime runtime = new ControllerRuntime();
        Auditor auditor = new Auditor(stores.auditTrail(), clock);
        SystemUseCases.Settings runtimeSettings =
                SystemUseCases.settings(stores.settings(), parts.defaultSettings(), auditor, parts.logLevelApplier());
        settings = runtimeSettings.manage();
        BoardObserver sensing = LockerUseCases.doorSensing(stores.lockers(), runtime, machine, parts.metrics());
        lockBoard = Objects.requireNonNull(parts.lockBoard().apply(sensing), "the lock board built");
        startupPoll = new StartupPoll(lockBoard, sensing, clock);
        remote = parts.remoteSite()
                .map(site -> RemoteUseCases.over(
                        site.devices(),
                        stores.remoteCommands(),
                        stores.controllers(),
                        stores.lockers(),
                        stores.transactions(),
                        stores.layout(),
                        runtime,
                        runtimeSettings.doorOpen(),
                        machine,
                        auditor,
                        site.settings(),
                        clock))
                .orElseGet(RemoteUseCases::off);
        LockerAvailability availability = new LockerAvailability(runtime, remote.readings());
        transactions = TransactionUseCases.over(
                stores.transactions(),
                stores.lockers(),
                stores.layout(),
                availability,
                remote.bookings(),
                machine,
                auditor,
                clock,
                parts.metrics());
        lockers = LockerUseCases.over(
                stores.lockers(),
                stores.controllers(),
                stores.transactions(),
                stores.layout(),
                lockBoard,
                runtimeSettings.doorOpen(),
                runtime,
                availability,
                remote.doors(),
                auditor,
                parts.openAllGap(),
                clock,
                parts.metrics());
        controllers = ControllerUseCases.over(
                stores.controllers(),
                stores.layout(),
                lockBoard,
                runtime,
                remote.locations(),
                parts.discovery(),
                auditor,
                () -> settings.current().heartbeat(),
                clock);
        layouts = LayoutUseCases.over(stores.layout(), stores.controllers(), controllers.manage(), clock);
        externalDevices = SystemUseCases.externalDevices(
                stores.externalDevices(), () -> settings.current().heartbeat(), clock);
        systemLogs = SystemUseCases.systemLogs(parts.logBook(), stores.auditTrail());
        system = SystemUseCases.querySystem(
                new GatewayIdentity(
                        parts.identity().gatewayId(),
                        parts.identity().version(),
                        clock.instant(),
                        stores.storageName()),
                parts.hostSystem(),
                parts.discovery(),
                stores.isUp(),
                runtime,
                lockers.query(),
                settings,
                clock);
        Administration administration = parts.administration();
        authentication = AuthUseCases.over(
                stores.adminUsers(),
                stores.sessions(),
                stores.loginFailures(),
                administration.hasher(),
                auditor,
                administration.authSettings(),
                clock);
        reboot = SystemUseCases.rebootGateway(
                parts.hostSystem(), auditor, administration.shutdown(), administration.rebootDelay());
        backup = SystemUseCases.backUpDatabase(stores.backups(), auditor, clock);
        deadlineSweep = LockerUseCases.deadlineSweep(stores.lockers(), machine, clock);
        errorReports = DiagnosticsUseCases.reportErrors(parts.errorReporter());
        webhooks = WebhookUseCases.receive(
                parts.webhookVerifier(), stores.webhookDeliveries(), remote.refresh(), auditor, errorReports, clock);
        allowlists = parts.remoteSite()
                .map(site ->
                        AllowlistUseCases.over(site.sites(), site.allowlists(), remote.controllerOfLocation(), auditor))
                .orElseGet(AllowlistUseCases::off);
    }

    /**
     * Drives every stored controller, then brings {@code layout}, if any, into the stores, then
     * reads every board once (waiting a few seconds at most): the lockers of the boards that
     * answered can be handed out when this returns, the others stay offline until they answer.
     */
    public void start(Layout layout) {
        startReading(layout).await();
    }

    /**
     * {@link #start} without the wait for the boards' first reads: they run while the caller
     * prepares what does not use a board or the lockers (a server builds its routes), and the
     * caller serves nothing before {@link FirstReads#await} has returned.
     */
    public FirstReads startReading(Layout layout) {
        controllers.attach().attachAll();
        if (layout != null) {
            layouts.load().load(layout);
        }
        // A board is offline until it answers: read each once now, so that the lockers of the boards
        // that answer can be handed out when start returns, not only after the first background poll.
        StartupPoll.Reads reads = startupPoll.begin(
                stores.controllers().findAll().stream()
                        .filter(c -> !c.endpoint().protocol().isRemote())
                        .map(c -> c.id())
                        .toList(),
                STARTUP_READ_DEADLINE);
        return () -> reads.await(STARTUP_POLL_WAIT);
    }

    /** The first read of every board, under way. */
    @FunctionalInterface
    public interface FirstReads {
        /** Waits for every board's first read, a few seconds at most (the slow ones stay offline). */
        void await();
    }

    /**
     * Applies the state deadlines that passed (a booking never opened, a door left open …).
     *
     * @return how many lockers changed state
     */
    public int sweepDeadlines() {
        return deadlineSweep.sweep();
    }

    /**
     * Creates the configured admin, or changes its password.
     *
     * @throws IllegalArgumentException for a username or password the rules refuse
     */
    public void ensureAdmin(String username, String password) {
        authentication.ensureAdmin().ensureAdmin(username, password);
    }

    /**
     * Reads the remote locations (Bikeep) whose sync is due; a no-op without a remote site. The
     * host calls it about once a second; each location is read once per sync interval.
     */
    public void syncRemoteSites() {
        remote.syncDue().run();
    }

    /**
     * Settles remote commands nobody waits on (after a restart, or a caller that gave up) and
     * answers the device re-reads webhooks asked for; a no-op without a remote site. The host calls
     * it every command-poll period.
     */
    public void finishRemoteCommands() {
        remote.finishPending().run();
    }

    /** The stores as the services use them: lockers, transactions, controllers and layout cached. */
    public Stores stores() {
        return stores;
    }

    /** The lock boards built from {@link Parts#lockBoard()}: the caller closes them. */
    public LockBoard lockBoard() {
        return lockBoard;
    }

    public CreateTransaction createTransaction() {
        return transactions.create();
    }

    public QueryTransactions queryTransactions() {
        return transactions.query();
    }

    public ReleaseTransaction releaseTransaction() {
        return transactions.release();
    }

    public QueryLockers queryLockers() {
        return lockers.query();
    }

    public OpenLocker openLocker() {
        return lockers.open();
    }

    public UpdateServiceState updateServiceState() {
        return lockers.updateServiceState();
    }

    public OpenAllLockers openAllLockers() {
        return lockers.openAll();
    }

    public ManageControllers manageControllers() {
        return controllers.manage();
    }

    public DiscoverControllers discoverControllers() {
        return controllers.discover();
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

    public AdminAuthentication adminAuthentication() {
        return authentication.authentication();
    }

    public RebootGateway rebootGateway() {
        return reboot;
    }

    public BackUpDatabase backUpDatabase() {
        return backup;
    }

    public QueryCatalogue queryCatalogue() {
        return layouts.catalogue();
    }

    public ReportErrors reportErrors() {
        return errorReports;
    }

    public ReceiveWebhooks receiveWebhooks() {
        return webhooks;
    }

    public ListRemoteLocations listRemoteLocations() {
        return allowlists.locations();
    }

    public QueryAllowlists queryAllowlists() {
        return allowlists.query();
    }

    public ChangeAllowlistCards changeAllowlistCards() {
        return allowlists.change();
    }
}
