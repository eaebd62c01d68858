package dev.harbor.benchmarks.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The floor under the create + release cycle on SQLite: a plain JDBC loop doing the minimal SQL of
 * one cycle, with nothing around it (no HTTP, no JSON, no JDBI, no pool, no cache), on a copy of
 * the gateway's database file, so the gateway's rate divided by this one is the share of the
 * storage's ceiling Harbor reaches.
 *
 * <p>It mirrors how the gateway writes to SQLite ({@code Database.sqlite}): WAL journal, {@code
 * synchronous=FULL}, foreign keys on, {@code BEGIN IMMEDIATE}, and one writer connection that every
 * worker waits for in turn (the gateway's writer pool has one connection). A cycle is two write
 * transactions, as the gateway's create and release are two requests:
 *
 * <ol>
 *   <li>create: {@code UPDATE lockers SET <booked> WHERE id = (SELECT id FROM lockers WHERE free
 *       ORDER BY id LIMIT 1) RETURNING id}, then {@code INSERT INTO transactions}, commit;
 *   <li>release: {@code UPDATE transactions SET released_at … WHERE id = ? AND released_at IS NULL
 *       RETURNING locker_id}, then {@code UPDATE lockers SET <free> WHERE id = ?}, commit.
 * </ol>
 *
 * <p>System properties: {@code bench.db} (required: the SQLite file), {@code bench.copyFrom} (none:
 * a database file, a gateway's in use for example, copied with {@code VACUUM INTO} to {@code
 * bench.db} first, which is replaced), {@code bench.workers} (16),
 * {@code bench.seconds} (15), {@code bench.warmupSeconds} (3). Prints a {@code RESULT} line like
 * {@link TransactionCycleBenchmark}'s.
 */
public final class SqliteCycleFloor {

    private static final String DB = System.getProperty("bench.db");
    private static final String COPY_FROM = System.getProperty("bench.copyFrom");
    private static final int WORKERS = Integer.getInteger("bench.workers", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 3);

    private static final String TAKE = "UPDATE lockers SET device_state = 'BOOKED', device_changed_at = ?,"
            + " device_timeout_at = NULL, holder = ?, device_pending_state = NULL, device_return_state = NULL,"
            + " device_booking_expires_at = NULL"
            + " WHERE id = (SELECT id FROM lockers WHERE device_state = 'UNLOCKED' AND holder IS NULL"
            + " AND NOT out_of_service ORDER BY id LIMIT 1)"
            + " RETURNING id";
    private static final String INSERT = "INSERT INTO transactions (id, locker_id, created_at, open_count, released_at)"
            + " VALUES (?, ?, ?, 0, NULL)";
    private static final String END =
            "UPDATE transactions SET released_at = ? WHERE id = ? AND released_at IS NULL" + " RETURNING locker_id";
    private static final String FREE = "UPDATE lockers SET device_state = 'UNLOCKED', device_changed_at = ?,"
            + " device_timeout_at = NULL, holder = NULL, device_pending_state = NULL, device_return_state = NULL,"
            + " device_booking_expires_at = NULL WHERE id = ?";

    private SqliteCycleFloor() {}

    public static void main(String[] args) throws Exception {
        if (DB == null) {
            System.err.println("usage: java -Dbench.db=FILE [-Dbench.workers=16 -Dbench.seconds=15] "
                    + SqliteCycleFloor.class.getName());
            System.exit(2);
        }
        System.out.printf(
                "SQLite floor on %s: %d workers on one writer connection, %d s after a %d s warm-up%n",
                DB, WORKERS, SECONDS, WARMUP_SECONDS);
        if (COPY_FROM != null) {
            copy(COPY_FROM, DB);
        }
        try (Writer writer = new Writer(open(DB))) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            phase(writer, "fw" + run, WARMUP_SECONDS);
            long start = System.nanoTime();
            Phase measured = phase(writer, "fm" + run, SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            LatencyRecorder.Summary cycle = LatencyRecorder.summarize(measured.cycles());
            long errors = measured.errors().sum();
            double rate = cycle.count() / seconds;
            System.out.printf("cycles %d in %.2f s = %.1f cycles/s; errors %d%n", cycle.count(), seconds, rate, errors);
            System.out.println("  cycle   " + cycle.describe());
            System.out.printf(
                    "RESULT cycles_per_s=%.1f cycle_p50_ms=%.2f cycle_p99_ms=%.2f errors=%d%n",
                    rate, cycle.p50Nanos() / 1e6, cycle.p99Nanos() / 1e6, errors);
        }
    }

    /**
     * A consistent copy of a database in use (SQLite's VACUUM INTO reads one snapshot, beside the
     * writers); the copy comes out without WAL, and {@link #open} turns WAL on again.
     */
    private static void copy(String from, String to) throws Exception {
        Files.deleteIfExists(Path.of(to));
        Files.deleteIfExists(Path.of(to + "-wal"));
        Files.deleteIfExists(Path.of(to + "-shm"));
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + from);
                PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, to);
            vacuum.execute();
        }
    }

    /** The gateway's writer settings (Database.sqliteSource), on one connection. */
    private static Connection open(String file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        connection.setAutoCommit(false);
        return connection;
    }

    private record Phase(List<LatencyRecorder> cycles, LongAdder errors) {}

    private static Phase phase(Writer writer, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Phase phase = new Phase(new ArrayList<>(), new LongAdder());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            LatencyRecorder cycles = new LatencyRecorder();
            phase.cycles().add(cycles);
            String idPrefix = prefix + "-" + w + "-";
            threads.add(new Thread(() -> work(writer, idPrefix, deadline, cycles, phase.errors()), "floor-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return phase;
    }

    private static void work(Writer writer, String idPrefix, long deadline, LatencyRecorder cycles, LongAdder errors) {
        for (int n = 0; System.nanoTime() < deadline; n++) {
            String id = idPrefix + n;
            long t0 = System.nanoTime();
            try {
                if (writer.create(id) && writer.release(id)) {
                    cycles.add(System.nanoTime() - t0);
                } else {
                    errors.increment();
                }
            } catch (SQLException e) {
                errors.increment();
                System.err.println("cycle " + id + ": " + e);
            }
        }
    }

    /**
     * The one writer connection and its statements, prepared once. A fair lock hands it to the
     * waiting workers in order, as the gateway's one-connection writer pool does.
     */
    private static final class Writer implements AutoCloseable {

        private final ReentrantLock turn = new ReentrantLock(true);
        private final Connection connection;
        private final PreparedStatement take;
        private final PreparedStatement insert;
        private final PreparedStatement end;
        private final PreparedStatement free;

        /** Binds the second statement of a half, once the first one named the locker. */
        private interface SecondBinding {
            void bind(long now, long locker) throws SQLException;
        }

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.take = connection.prepareStatement(TAKE);
            this.insert = connection.prepareStatement(INSERT);
            this.end = connection.prepareStatement(END);
            this.free = connection.prepareStatement(FREE);
        }

        /** Takes the first free locker for the transaction; false when none was free. */
        boolean create(String id) throws SQLException {
            return cycleHalf(take, id, insert, (now, locker) -> {
                insert.setString(1, id);
                insert.setLong(2, locker);
                insert.setLong(3, now);
            });
        }

        /** Ends the transaction and frees its locker; false when it was not active. */
        boolean release(String id) throws SQLException {
            return cycleHalf(end, id, free, (now, locker) -> {
                free.setLong(1, now);
                free.setLong(2, locker);
            });
        }

        /**
         * One half of a cycle in one database transaction, on the writer's turn: {@code first}
         * (bound to the time and the transaction id) returns the locker, {@code second} is bound to
         * the time and that locker. False, and nothing changed, when {@code first} found no row.
         */
        private boolean cycleHalf(PreparedStatement first, String id, PreparedStatement second, SecondBinding binding)
                throws SQLException {
            turn.lock();
            try {
                long now = System.currentTimeMillis();
                first.setLong(1, now);
                first.setString(2, id);
                long locker;
                try (ResultSet row = first.executeQuery()) {
                    if (!row.next()) {
                        connection.rollback();
                        return false;
                    }
                    locker = row.getLong(1);
                }
                binding.bind(now, locker);
                second.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                turn.unlock();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
