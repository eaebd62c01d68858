package dev.harbor.app;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.harbor.app.config.BikeepConfig;
import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.host.JavaHostSystem;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.app.layout.LayoutFile;
import dev.harbor.app.logging.LogLevels;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.app.metrics.MicrometerMetrics;
import dev.harbor.app.metrics.TimedRemoteCalls;
import dev.harbor.app.sentry.SentryErrorReporter;
import dev.harbor.application.assembly.HarborCore;
import dev.harbor.application.auth.AuthSettings;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.port.ErrorReporter;
import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.bikeep.BikeepRemoteAllowlists;
import dev.harbor.bikeep.BikeepRemoteDevices;
import dev.harbor.bikeep.BikeepRemoteSites;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.webhook.BikeepWebhookVerifier;
import dev.harbor.hardware.BusLockBoard;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.mdns.JmdnsControllerDiscovery;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.http.HttpApi;
import dev.harbor.http.api.AdminApiUseCases;
import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.persistence.BcryptPasswordHasher;
import dev.harbor.persistence.Database;
import dev.harbor.persistence.SqliteNativeLibrary;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone gateway: configuration, database, lock boards, use cases and the HTTP API,
 * wired by hand. {@link #close()} stops them in the order that loses nothing: HTTP first (no new
 * work), then the boards (polls stop, queued opens drain), then the database.
 */
public final class HarborServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HarborServer.class);

    /** Inside the data directory: what a start may keep for the next one (the SQLite driver's library). */
    static final String CACHE_FOLDER = "cache";

    /**
     * The numbers that are not configuration an operator sets, with production defaults; tests
     * shorten them.
     *
     * @param auth        session lifetimes and the sign-in lockout
     * @param bcryptCost  the cost of new password hashes (each step doubles the work)
     * @param rebootDelay the pause between answering {@code POST /system/reboot} and shutting down
     */
    public record Tuning(AuthSettings auth, int bcryptCost, Duration rebootDelay) {

        public static final Tuning DEFAULTS =
                new Tuning(AuthSettings.DEFAULTS, BcryptPasswordHasher.DEFAULT_COST, Duration.ofMillis(500));

        public Tuning {
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(rebootDelay, "rebootDelay");
        }
    }

    private final Database database;
    private final Harbor harbor;
    private final HttpApi http;
    private final BusLockBoard boards;
    private final SimulatedBuses simulatedBuses;
    private final SentryErrorReporter sentry;
    private final LateDiscovery discovery;
    private final MicrometerMetrics metrics;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarborServer(
            Database database,
            Harbor harbor,
            HttpApi http,
            BusLockBoard boards,
            SimulatedBuses simulatedBuses,
            SentryErrorReporter sentry,
            LateDiscovery discovery,
            MicrometerMetrics metrics,
            int port) {
        this.database = database;
        this.harbor = harbor;
        this.http = http;
        this.boards = boards;
        this.simulatedBuses = simulatedBuses;
        this.sentry = sentry;
        this.discovery = discovery;
        this.metrics = metrics;
        this.port = port;
    }

    public static HarborServer start(HarborConfig config) {
        return start(config, Tuning.DEFAULTS);
    }

    public static HarborServer start(HarborConfig config, Tuning tuning) {
        Clock clock = Clock.systemUTC();
        StepTimes steps = new StepTimes();
        // Read before the database is opened: a layout that will be refused must leave nothing behind.
        Layout layout = config.layoutFile().map(LayoutFile::read).orElseGet(DemoLayout::create);
        Database database = config.dbUrl()
                .map(url -> Database.postgres(
                        url, config.dbUser().orElse(null), config.dbPassword().orElse(null)))
                .orElseGet(() -> {
                    SqliteNativeLibrary.unpackOnce(config.dataDir().resolve(CACHE_FOLDER));
                    return Database.sqlite(config.dataDir());
                });
        steps.done("database");
        SentryErrorReporter sentry = null;
        java.util.List<AutoCloseable> startedSoFar = new java.util.ArrayList<>();
        try {
            HarborCore.Stores stores = HarborStores.of(database);
            BusLockBoardSettings boardSettings = BusLockBoardSettings.DEFAULTS.withPollInterval(config.pollInterval());
            AtomicReference<BusLockBoard> boards = new AtomicReference<>();
            SimulatedBuses simulatedBuses = new SimulatedBuses(SimulatorSettings.DEFAULTS);
            ErrorReporter errorReporter = ErrorReporter.DISABLED;
            if (config.sentryDsn().isPresent()) {
                sentry = new SentryErrorReporter(config.sentryDsn().get(), "harbor@" + Version.current(), null);
                errorReporter = sentry;
            }
            MicrometerMetrics metrics = null;
            if (config.metricsEnabled()) {
                metrics = new MicrometerMetrics();
                startedSoFar.add(metrics);
                database.useMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
            }
            steps.done("metrics");
            JavaHostSystem host = new JavaHostSystem(config.rebootCommand());
            WebhookVerifier webhookVerifier = webhookVerifier(config);
            LateDiscovery discovery = new LateDiscovery(config.mdnsAddress());
            // The reboot shuts down this very server; it exists only once the HTTP server is up.
            AtomicReference<HarborServer> self = new AtomicReference<>();
            Harbor.Builder harborBuilder = Harbor.builder()
                    .stores(stores)
                    .lockBoard(observer -> {
                        boards.set(new BusLockBoard(
                                observer,
                                clock,
                                boardSettings,
                                BusLinkFactory.serialAndTcp().or(simulatedBuses.linkFactory())));
                        return boards.get();
                    })
                    .clock(clock)
                    .layout(layout)
                    .defaultSettings(
                            RuntimeSettings.defaults(config.gatewayName()).withLogLevel(config.logLevel()))
                    .openAllGap(config.openAllGap())
                    // The gateway keeps its id across restarts: it is how a fleet tells its boxes apart.
                    .gatewayId(stores.settings().gatewayId(UUID.randomUUID().toString()))
                    .hostSystem(host)
                    .discovery(discovery)
                    .logBook(MemoryLogBook.installed())
                    .logLevelApplier(LogLevels::applyRootLevel)
                    .errorReporter(errorReporter)
                    .webhookVerifier(webhookVerifier)
                    .passwordHasher(new BcryptPasswordHasher(tuning.bcryptCost()))
                    .authSettings(tuning.auth())
                    .onReboot(() -> {
                        HarborServer server = self.get();
                        if (server != null) {
                            server.close();
                        }
                    })
                    .rebootDelay(tuning.rebootDelay());
            if (metrics != null) {
                harborBuilder.metrics(metrics);
            }
            MeterRegistry registry = metrics == null ? null : metrics.registry();
            config.bikeep().ifPresent(bikeep -> {
                // One client, so one OAuth2 token, for every Bikeep port.
                BikeepClient client = BikeepClient.builder()
                        .authUrl(bikeep.authUrl())
                        .apiUrl(bikeep.apiUrl())
                        .credentials(bikeep.clientId(), bikeep.clientSecret())
                        .build();
                RemoteSites sites = new BikeepRemoteSites(client);
                RemoteAllowlists allowlists = new BikeepRemoteAllowlists(client);
                RemoteDevices devices = new BikeepRemoteDevices(client);
                if (registry != null) {
                    sites = TimedRemoteCalls.of(RemoteSites.class, sites, registry);
                    allowlists = TimedRemoteCalls.of(RemoteAllowlists.class, allowlists, registry);
                    devices = TimedRemoteCalls.of(RemoteDevices.class, devices, registry);
                }
                harborBuilder.remoteSite(sites, allowlists, devices, bikeep.remote());
            });
            Harbor harbor = harborBuilder.build();
            steps.done("core");
            startedSoFar.add(0, harbor);
            if (config.adminUsername().isPresent() && config.adminPassword().isPresent()) {
                harbor.ensureAdmin(
                        config.adminUsername().get(), config.adminPassword().get());
            } else {
                log.warn("No admin user configured (HARBOR_ADMIN_USERNAME / HARBOR_ADMIN_PASSWORD): "
                        + "admin calls are refused unless an admin user was stored before");
            }
            steps.done("admin user");
            // The boards' first reads wait on the bus while the routes are built; nothing is
            // served before they have ended (or their few seconds are up), as before.
            HarborCore.FirstReads firstReads = harbor.startReading();
            steps.done("layout");
            if (metrics != null) {
                metrics.readFrom(harbor.queryLockers(), harbor.manageControllers());
            }

            HttpApi.Builder httpBuilder = HttpApi.builder(useCases(harbor))
                    .admin(new AdminApiUseCases(
                            harbor.adminAuthentication(),
                            harbor.manageControllers(),
                            harbor.discoverControllers(),
                            harbor.rebootGateway(),
                            harbor.listRemoteLocations(),
                            harbor.queryAllowlists(),
                            harbor.changeAllowlistCards()))
                    .reportErrors(harbor.reportErrors())
                    .webhooks(harbor.receiveWebhooks())
                    .backups(harbor.backUpDatabase())
                    .clientKeys(config.apiKeys())
                    .clock(clock);
            if (metrics != null) {
                httpBuilder.metrics(metrics);
            }
            HttpApi http = httpBuilder.build();
            steps.done("HTTP routes");
            firstReads.await();
            steps.done("rest of the first board reads");
            startedSoFar.add(0, http::stop);
            int port = http.start(config.httpHost(), config.httpPort());
            steps.done("HTTP listening");
            logLocalApiAccess(config, port);
            startedSoFar.add(0, discovery);
            String gatewayId = harbor.querySystem().info().gatewayId();
            discovery.start(new JmdnsControllerDiscovery.GatewayAnnouncement(
                    harbor.manageSettings().current().name() + " " + gatewayId.substring(0, 8),
                    port,
                    Version.current(),
                    gatewayId));
            HarborServer server = new HarborServer(
                    database, harbor, http, boards.get(), simulatedBuses, sentry, discovery, metrics, port);
            self.set(server);
            steps.done("mDNS");
            log.debug("Start-up steps: {}", steps);
            return server;
        } catch (RuntimeException e) {
            // Whatever had started is stopped again, so a failed start leaves no server running
            // on a closed database.
            for (AutoCloseable started : startedSoFar) {
                quietly("start-up clean-up", started::close);
            }
            quietly("the database", database::close);
            if (sentry != null) {
                quietly("Sentry", sentry::close);
            }
            throw e;
        }
    }

    /**
     * Bikeep's webhooks are part of the Bikeep integration: they are checked with the seed only
     * while the integration is on (both client credentials set), and refused otherwise.
     */
    private static WebhookVerifier webhookVerifier(HarborConfig config) {
        Optional<String> seed = config.bikeep().flatMap(BikeepConfig::webhookSeed);
        if (config.bikeep().isPresent() && seed.isEmpty()) {
            log.warn("No Bikeep webhook seed configured (HARBOR_BIKEEP_WEBHOOK_SEED): "
                    + "POST /bikeep/webhooks refuses every delivery");
        }
        return seed.<WebhookVerifier>map(BikeepWebhookVerifier::new).orElse(WebhookVerifier.REFUSE_ALL);
    }

    /** One line on who may use the Local API; a WARN when anyone on the network may open any door. */
    private static void logLocalApiAccess(HarborConfig config, int port) {
        if (config.apiKeys().required()) {
            log.info(
                    "Local API: client keys required ({})",
                    String.join(", ", config.apiKeys().names()));
        } else if (!isLoopback(config.httpHost())) {
            log.warn(
                    "Local API open to every client that can reach {}:{}: anyone on the network can open any door. "
                            + "Set HARBOR_API_KEYS (or HARBOR_API_KEYS_FILE) to require client keys, "
                            + "or HARBOR_HTTP_HOST=127.0.0.1 to listen on this machine only",
                    config.httpHost(),
                    port);
        }
    }

    /** Whether only this machine can reach the address; a name that does not resolve is not. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static LocalApiUseCases useCases(Harbor harbor) {
        return new LocalApiUseCases(
                harbor.createTransaction(),
                harbor.queryTransactions(),
                harbor.releaseTransaction(),
                harbor.queryLockers(),
                harbor.openLocker(),
                harbor.openAllLockers(),
                harbor.updateServiceState(),
                harbor.queryCatalogue(),
                harbor.querySystem(),
                harbor.manageSettings(),
                harbor.externalDevices(),
                harbor.systemLogs());
    }

    /** The port the HTTP server listens on (the chosen one when configured as 0). */
    public int port() {
        return port;
    }

    public Harbor harbor() {
        return harbor;
    }

    /**
     * The in-process simulator boards behind controllers with a {@code simulated} transport: to
     * close their doors, inject faults, or see which frames reached them.
     */
    public SimulatedBuses simulatedBuses() {
        return simulatedBuses;
    }

    private static void quietly(String what, ThrowingStep step) {
        try {
            step.run();
        } catch (Exception e) {
            log.error("Stopping {} failed: {}", what, e.toString());
        }
    }

    /** Wall time of each start-up step, logged at DEBUG: where a slow start went. */
    private static final class StepTimes {
        private final StringBuilder steps = new StringBuilder();
        private final long started = System.nanoTime();
        private long last = started;

        void done(String step) {
            long now = System.nanoTime();
            steps.append(step).append(' ').append((now - last) / 1_000_000).append(" ms, ");
            last = now;
        }

        @Override
        public String toString() {
            return steps + "in all " + (last - started) / 1_000_000 + " ms";
        }
    }

    @FunctionalInterface
    private interface ThrowingStep {
        void run() throws Exception;
    }

    /** Stops everything in order; a second call (say, a SIGTERM after a reboot's shutdown) does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Each step runs even if one before it failed: the database must be closed cleanly whatever
        // happened to the HTTP server.
        quietly("the HTTP server", http::stop);
        quietly("mDNS", discovery::close);
        quietly("the lock boards", harbor::close);
        quietly("the database", database::close);
        if (metrics != null) {
            quietly("the metrics", metrics::close);
        }
        if (sentry != null) {
            quietly("Sentry", sentry::close);
        }
        log.info("Harbor stopped");
    }
}
