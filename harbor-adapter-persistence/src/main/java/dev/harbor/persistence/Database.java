package dev.harbor.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Dialect;
import dev.harbor.persistence.internal.FlywayMigration;
import dev.harbor.persistence.internal.SchemaHistory;
import dev.harbor.persistence.internal.SchemaMigrations;
import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import dev.harbor.persistence.internal.SqliteForeignKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Harbor's durable storage: one SQLite file (the embedded default) or a PostgreSQL database, with
 * the same schema and the same stores on both. Opening one first brings the schema to this version's
 * (before any pool connection exists), then opens the connection pool; {@link #close()} closes it.
 * When the schema history already lists exactly the migrations this version ships, each applied
 * successfully and unchanged since (and, for SQLite, the foreign-key check after them passed), the
 * start reads that history with plain JDBC and goes on; in every other case Flyway migrates the schema
 * or refuses it with its validation message, as before.
 *
 * <pre>{@code
 * try (Database db = Database.sqlite(Path.of("data"))) {
 *     TransactionStore transactions = db.transactionStore();
 *     ...
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    /** The SQLite file inside the data directory. */
    public static final String SQLITE_FILE_NAME = "harbor.db";

    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_POOL_SIZE = 10;

    /** What a backup request is told when the database is PostgreSQL. */
    public static final String POSTGRES_BACKUP = "The database is PostgreSQL: back it up with pg_dump"
            + " (for example pg_dump -Fc -f harbor.dump <database>) and restore it with pg_restore";

    private final Dialect dialect;
    private final List<HikariDataSource> pools;
    private final Access access;
    private final HealthCheck healthCheck;
    private final DatabaseBackups backups;
    private final JdbiLockerStore lockerStore;
    private final JdbiTransactionStore transactionStore;
    private final JdbiControllerStore controllerStore;
    private final JdbiLayoutStore layoutStore;
    private final JdbiSettingsStore settingsStore;
    private final JdbiExternalDeviceStore externalDeviceStore;
    private final JdbiAuditTrail auditTrail;
    private final JdbiAdminUserStore adminUserStore;
    private final JdbiSessionStore sessionStore;
    private final JdbiLoginFailureStore loginFailureStore;
    private final JdbiWebhookDeliveries webhookDeliveries;
    private final JdbiRemoteCommandLog remoteCommandLog;

    private Database(
            Dialect dialect,
            List<HikariDataSource> pools,
            Access access,
            HealthCheck healthCheck,
            DatabaseBackups backups) {
        this.dialect = dialect;
        this.pools = List.copyOf(pools);
        this.access = access;
        this.healthCheck = healthCheck;
        this.backups = backups;
        this.lockerStore = new JdbiLockerStore(access);
        this.transactionStore = new JdbiTransactionStore(access);
        this.controllerStore = new JdbiControllerStore(access);
        this.layoutStore = new JdbiLayoutStore(access);
        this.settingsStore = new JdbiSettingsStore(access);
        this.externalDeviceStore = new JdbiExternalDeviceStore(access);
        this.auditTrail = new JdbiAuditTrail(access);
        this.adminUserStore = new JdbiAdminUserStore(access);
        this.sessionStore = new JdbiSessionStore(access);
        this.loginFailureStore = new JdbiLoginFailureStore(access);
        this.webhookDeliveries = new JdbiWebhookDeliveries(access);
        this.remoteCommandLog = new JdbiRemoteCommandLog(access);
    }

    /**
     * Opens (creating the directory and the file on first start) {@code dataDir/harbor.db}: WAL
     * journal, {@code synchronous=FULL} (a commit is on disk before it returns), foreign keys on,
     * write transactions {@code BEGIN IMMEDIATE} on a single writer connection (the writes that
     * wait together share one commit, each caller answered only once its write is durable), readers
     * beside it.
     *
     * @throws IllegalStateException when the schema cannot be migrated or fails its checks
     */
    public static Database sqlite(Path dataDir) {
        return sqlite(dataDir, UnaryOperator.identity());
    }

    /** As {@link #sqlite(Path)}, with the pools' connections taken from {@code around} the file's source. */
    static Database sqlite(Path dataDir, UnaryOperator<DataSource> around) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(SQLITE_FILE_NAME).toAbsolutePath();
        String url = "jdbc:sqlite:" + file;

        // Migrations run with foreign keys off, as SQLite's table-rebuild recipe requires; the whole
        // file is checked afterwards instead. A file whose history is already this version's and whose
        // check passed needs neither Flyway nor the check again.
        SQLiteDataSource migrationSource = sqliteSource(url, SQLiteConfig.TransactionMode.IMMEDIATE, false);
        List<Migration> shipped = SchemaMigrations.of(Dialect.SQLITE);
        if (!SchemaHistory.isCurrent(migrationSource, Dialect.SQLITE, shipped)
                || !SqliteForeignKeys.checkedAfter(migrationSource, shipped.size())) {
            SqliteForeignKeys.forgetCheck(migrationSource);
            FlywayMigration.migrate(migrationSource, Dialect.SQLITE);
            SqliteForeignKeys.check(migrationSource, shipped.size());
        }

        List<HikariDataSource> pools = new ArrayList<>();
        try {
            HikariConfig writerConfig = new HikariConfig();
            writerConfig.setPoolName("harbor-sqlite-writer");
            writerConfig.setDataSource(around.apply(sqliteSource(url, SQLiteConfig.TransactionMode.IMMEDIATE, true)));
            // SQLite has one writer per file anyway. Only the group-commit writer's thread takes
            // this connection, so request threads queue in order instead of polling SQLite's busy
            // handler, and the writes waiting together share a commit.
            writerConfig.setMaximumPoolSize(1);
            writerConfig.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
            pools.add(new HikariDataSource(writerConfig));

            HikariConfig readerConfig = new HikariConfig();
            readerConfig.setPoolName("harbor-sqlite-reader");
            readerConfig.setDataSource(around.apply(sqliteSource(url, SQLiteConfig.TransactionMode.DEFERRED, true)));
            readerConfig.setMaximumPoolSize(SQLITE_READERS);
            readerConfig.setMinimumIdle(1);
            readerConfig.setConnectionTimeout(10_000);
            pools.add(new HikariDataSource(readerConfig));
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
        HikariDataSource writer = pools.get(0);
        HikariDataSource reader = pools.get(1);
        Access access = new Access(Jdbi.create(reader), Jdbi.create(writer), Dialect.SQLITE);
        return new Database(
                Dialect.SQLITE,
                pools,
                access,
                () -> ping(reader),
                new SqliteDatabaseBackups(
                        file, dataDir.resolve(SqliteDatabaseBackups.FOLDER).toAbsolutePath()));
    }

    /**
     * Connects to PostgreSQL. The schema objects live in the connection's current schema
     * ({@code currentSchema} in the URL, else {@code public}).
     *
     * @param user     {@code null} when the URL carries it
     * @param password {@code null} when the URL carries it or none is needed
     */
    public static Database postgres(String jdbcUrl, String user, String password) {
        return postgres(jdbcUrl, user, password, UnaryOperator.identity());
    }

    /** As {@link #postgres(String, String, String)}, with the pool's connections taken from {@code around} the driver's source. */
    static Database postgres(String jdbcUrl, String user, String password, UnaryOperator<DataSource> around) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl.split("\\?", 2)[0]);
        }
        PGSimpleDataSource migrationSource = postgresSource(jdbcUrl, user, password, 10);
        if (!SchemaHistory.isCurrent(migrationSource, Dialect.POSTGRESQL, SchemaMigrations.of(Dialect.POSTGRESQL))) {
            FlywayMigration.migrate(migrationSource, Dialect.POSTGRESQL);
        }

        PGSimpleDataSource source = postgresSource(jdbcUrl, user, password, 10);
        source.setSocketTimeout(90);
        source.setTcpKeepAlive(true);
        HikariConfig config = new HikariConfig();
        config.setPoolName("harbor-postgres");
        config.setDataSource(around.apply(source));
        config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        // Nothing waits forever: not for a row lock, not for a statement, not for a dead server.
        config.setConnectionInitSql("SET lock_timeout = '15s'; SET statement_timeout = '60s'");
        HikariDataSource pool = new HikariDataSource(config);
        Jdbi jdbi = Jdbi.create(pool);
        PGSimpleDataSource health = postgresSource(jdbcUrl, user, password, 3);
        return new Database(
                Dialect.POSTGRESQL,
                List.of(pool),
                new Access(jdbi, jdbi, Dialect.POSTGRESQL),
                () -> !pool.isClosed() && ping(health),
                now -> new DatabaseBackups.Outcome.NotSupported(POSTGRES_BACKUP));
    }

    /**
     * Reports every connection pool (SQLite's writer and readers, or PostgreSQL's one) to a
     * monitoring system, named by its pool name ({@code harbor-sqlite-writer}, …). Once only.
     *
     * @throws IllegalStateException when called a second time
     */
    public void useMetricsTrackerFactory(MetricsTrackerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        pools.forEach(pool -> pool.setMetricsTrackerFactory(factory));
    }

    /** {@code "sqlite"} or {@code "postgresql"}, as the System API reports it. */
    public String storageName() {
        return dialect.storageName();
    }

    /** Whether the database answers a trivial query now; returns within a few seconds. */
    public boolean isUp() {
        try {
            return healthCheck.isUp();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Copies of the database made while it is in use: SQLite files into {@code dataDir/backups};
     * PostgreSQL answers that {@code pg_dump} is the tool.
     */
    public DatabaseBackups backups() {
        return backups;
    }

    public JdbiLockerStore lockerStore() {
        return lockerStore;
    }

    public JdbiTransactionStore transactionStore() {
        return transactionStore;
    }

    public JdbiControllerStore controllerStore() {
        return controllerStore;
    }

    public JdbiLayoutStore layoutStore() {
        return layoutStore;
    }

    public JdbiSettingsStore settingsStore() {
        return settingsStore;
    }

    public JdbiExternalDeviceStore externalDeviceStore() {
        return externalDeviceStore;
    }

    public JdbiAuditTrail auditTrail() {
        return auditTrail;
    }

    public JdbiAdminUserStore adminUserStore() {
        return adminUserStore;
    }

    public JdbiSessionStore sessionStore() {
        return sessionStore;
    }

    public JdbiLoginFailureStore loginFailureStore() {
        return loginFailureStore;
    }

    public JdbiWebhookDeliveries webhookDeliveries() {
        return webhookDeliveries;
    }

    public JdbiRemoteCommandLog remoteCommandLog() {
        return remoteCommandLog;
    }

    /**
     * Finishes the writes already waiting (new ones are refused), then closes the connection pools;
     * committed data is already on disk.
     */
    @Override
    public void close() {
        access.close();
        pools.forEach(HikariDataSource::close);
    }

    @FunctionalInterface
    private interface HealthCheck {
        boolean isUp();
    }

    private static SQLiteDataSource sqliteSource(String url, SQLiteConfig.TransactionMode mode, boolean foreignKeys) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(foreignKeys);
        config.setTransactionMode(mode);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static PGSimpleDataSource postgresSource(String url, String user, String password, int timeoutSeconds) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (user != null) {
            source.setUser(user);
        }
        if (password != null) {
            source.setPassword(password);
        }
        source.setConnectTimeout(timeoutSeconds);
        source.setLoginTimeout(timeoutSeconds);
        source.setSocketTimeout(Math.max(timeoutSeconds, 5));
        return source;
    }

    private static boolean ping(DataSource source) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(3);
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
