package dev.harbor.app;

import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.config.InvalidConfigException;
import dev.harbor.app.host.JavaHostSystem;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.app.layout.LayoutFile;
import dev.harbor.app.logging.LogLevels;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.hardware.BusLockBoard;
import dev.harbor.hardware.BusLockBoardSettings;
import dev.harbor.http.Authenticator;
import dev.harbor.http.HttpApi;
import dev.harbor.http.LocalApiUseCases;
import dev.harbor.persistence.Database;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone gateway: configuration, database, lock boards, use cases and the HTTP API,
 * wired by hand. {@link #close()} stops them in the order that loses nothing: HTTP first (no new
 * work), then the boards (polls stop, queued opens drain), then the database.
 */
public final class HarborServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HarborServer.class);
    private static final String GATEWAY_ID_KEY = "gatewayId";

    private final Database database;
    private final Harbor harbor;
    private final HttpApi http;
    private final int port;

    private HarborServer(Database database, Harbor harbor, HttpApi http, int port) {
        this.database = database;
        this.harbor = harbor;
        this.http = http;
        this.port = port;
    }

    public static HarborServer start(HarborConfig config) {
        Clock clock = Clock.systemUTC();
        Database database = config.dbUrl()
                .map(url -> Database.postgres(url, config.dbUser().orElse(null), config.dbPassword().orElse(null)))
                .orElseGet(() -> Database.sqlite(config.dataDir()));
        try {
            HarborStores stores = HarborStores.of(database);
            Layout layout = config.layoutFile().map(LayoutFile::read).orElseGet(DemoLayout::create);
            BusLockBoardSettings boardSettings = BusLockBoardSettings.DEFAULTS.withPollInterval(config.pollInterval());
            Harbor harbor = Harbor.builder()
                    .stores(stores)
                    .lockBoard(observer -> new BusLockBoard(observer, clock, boardSettings))
                    .clock(clock)
                    .layout(layout)
                    .defaultSettings(RuntimeSettings.defaults(config.gatewayName()))
                    .openAllGap(config.openAllGap())
                    .gatewayId(gatewayId(stores.settings()))
                    .hostSystem(new JavaHostSystem(config.rebootCommand()))
                    .logBook(MemoryLogBook.installed())
                    .logLevelApplier(LogLevels::applyRootLevel)
                    .build();
            harbor.start();
            HttpApi http = HttpApi.builder(useCases(harbor))
                    .authenticator(Authenticator.denyAll())
                    .clock(clock)
                    .build();
            int port = http.start(config.httpHost(), config.httpPort());
            log.info("Harbor {} listening on {}:{} ({} storage, {} lockers)", Version.current(), config.httpHost(), port,
                    stores.storageName(), stores.lockers().findAll().size());
            return new HarborServer(database, harbor, http, port);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static LocalApiUseCases useCases(Harbor harbor) {
        return new LocalApiUseCases(harbor.createTransaction(), harbor.queryTransactions(), harbor.releaseTransaction(),
                harbor.queryLockers(), harbor.openLocker(), harbor.openAllLockers(), harbor.updateServiceState(),
                harbor.stores().layout(), harbor.querySystem(), harbor.manageSettings(), harbor.externalDevices(),
                harbor.systemLogs());
    }

    /** The gateway keeps its id across restarts: it is how a fleet tells its boxes apart. */
    private static String gatewayId(SettingsStore settings) {
        String id = settings.load().get(GATEWAY_ID_KEY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            settings.save(Map.of(GATEWAY_ID_KEY, id));
        }
        return id;
    }

    /** The port the HTTP server listens on (the chosen one when configured as 0). */
    public int port() {
        return port;
    }

    public Harbor harbor() {
        return harbor;
    }

    @Override
    public void close() {
        http.stop();
        harbor.close();
        database.close();
        log.info("Harbor stopped");
    }

    public static void main(String[] args) {
        HarborConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        log.info("Starting with {}", config);
        HarborServer server;
        try {
            server = start(config);
        } catch (IllegalArgumentException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        // Javalin registers no shutdown hook: without this a SIGTERM would skip the orderly stop.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "harbor-shutdown"));
    }
}
