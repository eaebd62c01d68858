package dev.harbor.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The group-commit writer on a real SQLite file: writes that waited together share a commit, and
 * yet each caller sees only its own write's outcome, durable before it returns.
 */
class GroupCommitWriterTest {

    @TempDir
    Path dir;

    /** Commits to let through before one fails; -1: none fails. */
    private final AtomicInteger commitsBeforeAFailure = new AtomicInteger(-1);
    /** Commits to let through before one commits and then loses the connection; -1: none. */
    private final AtomicInteger commitsBeforeLosingTheConnection = new AtomicInteger(-1);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Jdbi database;
    private Access access;

    @BeforeEach
    void openDatabase() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        database = Jdbi.create(failingCommits(source));
        database.useHandle(h -> h.execute("CREATE TABLE rows (name TEXT PRIMARY KEY)"));
        access = new Access(database, database, Dialect.SQLITE);
    }

    @AfterEach
    void close() {
        access.close();
        callers.shutdownNow();
    }

    @Test
    void writes_that_waited_together_share_one_commit_and_each_caller_gets_its_own_result() throws Exception {
        CountDownLatch release = blockTheWriter();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "row-" + i;
            results.add(callers.submit(() -> access.write(h -> insert(h, name))));
        }
        awaitWaiting(10);
        release.countDown();

        for (int i = 0; i < 10; i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("row-" + i);
        }
        assertThat(names()).contains("row-0", "row-9").hasSize(11);
        // The blocking write alone, then the ten together.
        assertThat(access.commits()).isEqualTo(2);
    }

    @Test
    void a_failing_write_fails_alone_while_the_others_of_its_batch_commit() throws Exception {
        CountDownLatch release = blockTheWriter();
        Future<String> first = callers.submit(() -> access.write(h -> insert(h, "a")));
        awaitWaiting(1);
        Future<String> failing = callers.submit(() -> access.write(h -> {
            insert(h, "b");
            return insert(h, "a"); // already written by the first write of the batch
        }));
        awaitWaiting(2);
        Future<String> last = callers.submit(() -> access.write(h -> insert(h, "c")));
        awaitWaiting(3);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("c");
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(Dialect.isUniqueViolation(e)).isTrue());
        assertThat(names()).containsExactlyInAnyOrder("blocker", "a", "c");
    }

    @Test
    void a_write_that_met_a_busy_database_in_a_batch_runs_again_alone() throws Exception {
        CountDownLatch release = blockTheWriter();
        AtomicInteger runs = new AtomicInteger();
        Future<String> busyOnce = callers.submit(() -> access.write(h -> {
            insert(h, "busy");
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY));
            }
            return "busy";
        }));
        awaitWaiting(1);
        Future<String> other = callers.submit(() -> access.write(h -> insert(h, "other")));
        awaitWaiting(2);
        release.countDown();

        assertThat(busyOnce.get(10, TimeUnit.SECONDS)).isEqualTo("busy");
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("other");
        assertThat(runs).hasValue(2);
        assertThat(names()).containsExactlyInAnyOrder("blocker", "busy", "other");
    }

    @Test
    void when_a_batch_cannot_commit_each_of_its_writes_runs_again_alone() throws Exception {
        CountDownLatch release = blockTheWriter();
        AtomicInteger runs = new AtomicInteger();
        List<Future<String>> results = countedWrites(3, runs);
        commitsBeforeAFailure.set(1); // the blocking write's
        release.countDown();

        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("row-" + i);
        }
        assertThat(commitsBeforeAFailure).hasValue(-1);
        assertThat(runs).hasValue(6);
        assertThat(names()).containsExactlyInAnyOrder("blocker", "row-0", "row-1", "row-2");
    }

    @Test
    void when_the_connection_is_lost_while_a_batch_commits_its_writes_fail_and_are_not_made_twice() throws Exception {
        CountDownLatch release = blockTheWriter();
        AtomicInteger runs = new AtomicInteger();
        List<Future<String>> results = countedWrites(3, runs);
        commitsBeforeLosingTheConnection.set(1); // the blocking write's
        release.countDown();

        for (Future<String> result : results) {
            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SQLException.class)
                    .hasStackTraceContaining("connection lost");
        }
        assertThat(runs).hasValue(3);
        // The commit did reach the database: each row once.
        assertThat(names()).containsExactlyInAnyOrder("blocker", "row-0", "row-1", "row-2");
    }

    @Test
    void a_write_inside_a_write_is_refused_instead_of_waiting_for_itself() {
        assertThatThrownBy(() -> access.write(h -> access.write(inner -> insert(inner, "nested"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside another write");
        assertThat(names()).isEmpty();
    }

    @Test
    void an_interrupted_caller_still_learns_the_outcome_of_its_write() throws Exception {
        CountDownLatch release = blockTheWriter();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Future<String> result = callers.submit(() -> {
            Thread.currentThread().interrupt();
            String written = access.write(h -> insert(h, "interrupted"));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            return written;
        });
        awaitWaiting(1);
        release.countDown();

        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("interrupted");
        assertThat(stillInterrupted).isTrue();
        assertThat(names()).contains("interrupted");
    }

    @Test
    void closing_finishes_the_waiting_writes_and_refuses_new_ones() throws Exception {
        CountDownLatch release = blockTheWriter();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "row-" + i;
            results.add(callers.submit(() -> access.write(h -> insert(h, name))));
        }
        awaitWaiting(5);
        Future<?> closing = callers.submit(access::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        // Committed before close() returned, and every caller answered.
        assertThat(names()).hasSize(6);
        for (Future<String> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).startsWith("row-");
        }
        assertThatThrownBy(() -> access.write(h -> insert(h, "late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    /** Queues {@code count} writes of rows {@code row-0…}, each counting its runs, and waits until all wait. */
    private List<Future<String>> countedWrites(int count, AtomicInteger runs) throws InterruptedException {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "row-" + i;
            results.add(callers.submit(() -> access.write(h -> {
                runs.incrementAndGet();
                return insert(h, name);
            })));
        }
        awaitWaiting(count);
        return results;
    }

    /** Starts a write that holds the writer thread until the returned latch is counted down. */
    private CountDownLatch blockTheWriter() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> access.write(h -> {
            running.countDown();
            await(release);
            return insert(h, "blocker");
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void awaitWaiting(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (access.waitingWrites() < writes) {
            assertThat(System.nanoTime()).as("%d writes waiting", writes).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private List<String> names() {
        return database.withHandle(
                h -> h.createQuery("SELECT name FROM rows").mapTo(String.class).list());
    }

    private static String insert(Handle h, String name) {
        h.createUpdate("INSERT INTO rows (name) VALUES (:name)")
                .bind("name", name)
                .execute();
        return name;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections whose commit fails once when {@link #commitsBeforeAFailure} counts down to it. */
    private DataSource failingCommits(SQLiteDataSource source) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (target, method, args) -> {
                    Object result = invoke(source, method, args);
                    return result instanceof Connection c ? failingCommits(c) : result;
                });
    }

    private Connection failingCommits(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (target, method, args) -> {
                    if (method.getName().equals("commit")
                            && commitsBeforeAFailure.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0) {
                        connection.rollback();
                        throw new SQLException("disk I/O error (injected)");
                    }
                    if (method.getName().equals("commit")
                            && commitsBeforeLosingTheConnection.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0) {
                        connection.commit();
                        throw new SQLException("connection lost (injected)", "08006");
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
