package dev.harbor.persistence.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's writes, made by one thread: the writes that are waiting when it gets free run one
 * after another in one database transaction, with one commit (one {@code fsync}) for all of them.
 * Each caller still returns only once its own write is durable, with its own result or failure.
 *
 * <p>Why: with the writer connection handed from request thread to request thread, the database
 * sat idle while the next thread woke up, and every write paid for a commit of its own: SQLite's
 * single writer managed a quarter of what a plain loop of the same statements does, and PostgreSQL's
 * backends spent their time waiting for each other's WAL flushes.
 *
 * <p>When any write of a batch fails, the whole batch is rolled back and each of its writes runs
 * again alone, in the transaction its caller would have had without batching (which retries
 * transient failures): so a failure reaches only the caller whose write failed, exactly as it
 * would have alone. Running a write again is safe because a write has no effect outside its
 * handle. The one exception is a connection lost while committing: the commit may have been made,
 * so nothing runs again and every caller of the batch gets the failure, as a write alone would
 * have. A batch of one write is that transaction, with nothing added.
 */
public final class GroupCommitWriter implements AutoCloseable {

    /** Enough to share a commit among every request thread; more would only delay the first. */
    private static final int MAX_BATCH = 64;

    private final Jdbi writer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private boolean closed;

    public GroupCommitWriter(Jdbi writer, String threadName) {
        this.writer = writer;
        this.thread = new Thread(this::run, threadName);
        // A daemon, so that an embedding application that never closes the database can still exit;
        // close() finishes the queued writes first.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code callback} on the writer, in a batch with the writes waiting beside it or, when it
     * is alone or its batch failed, by {@code alone} (which must run it in a transaction of its own),
     * and returns its result once it is committed. Waits without giving up when interrupted (the
     * write may still commit), then restores the interrupt flag.
     *
     * @throws IllegalStateException when called from inside another write (that would wait for
     *     itself) or after {@link #close()}
     */
    public <T> T write(HandleCallback<T, RuntimeException> callback, Supplier<T> alone) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a database write cannot run inside another write");
        }
        Pending<T> pending = new Pending<>(callback, alone);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the database is closed");
            }
            queue.add(pending);
        }
        return pending.await();
    }

    /** Writes queued and not yet taken up by the writer thread. */
    public int waiting() {
        return queue.size();
    }

    /** Commits made so far: fewer than the writes when writes waited together. */
    public long commits() {
        return commits.get();
    }

    /** Refuses new writes, finishes those already queued, then stops the writer thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Pending.STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody but the JVM at its end interrupts this thread; the writes stay queued.
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            // STOP is queued last, after which nothing is queued: the writes before it run first.
            stop = batch.remove(Pending.STOP);
            if (batch.size() == 1) {
                runAlone(batch.get(0));
            } else if (!batch.isEmpty()) {
                runTogether(batch);
            }
        }
    }

    private void runTogether(List<Pending<?>> batch) {
        boolean[] committing = {false};
        try {
            writer.useTransaction(h -> {
                for (Pending<?> pending : batch) {
                    pending.runIn(h);
                }
                committing[0] = true;
            });
        } catch (Throwable failure) {
            if (committing[0] && isConnectionLost(failure)) {
                // The commit may have reached the database before the connection broke: running
                // the writes again could make them twice. Their callers learn what a write alone
                // would have told them.
                batch.forEach(p -> p.fail(failure));
            } else {
                batch.forEach(this::runAlone);
            }
            return;
        }
        commits.incrementAndGet();
        batch.forEach(Pending::publish);
    }

    /** SQL state class 08: the connection failed, so the outcome of what was sent is unknown. */
    private static boolean isConnectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private <T> void runAlone(Pending<T> pending) {
        T result;
        try {
            result = pending.alone.get();
        } catch (Throwable failure) {
            pending.fail(failure);
            return;
        }
        commits.incrementAndGet();
        pending.complete(result);
    }

    /** One caller's write and, once it is committed, its outcome. */
    private static final class Pending<T> {

        static final Pending<Object> STOP = new Pending<>(h -> null, () -> null);

        private final HandleCallback<T, RuntimeException> callback;
        private final Supplier<T> alone;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        /** The result in the batch's transaction: worth nothing before the commit. */
        private T result;

        Pending(HandleCallback<T, RuntimeException> callback, Supplier<T> alone) {
            this.callback = callback;
            this.alone = alone;
        }

        void runIn(Handle h) {
            result = callback.withHandle(h);
        }

        void publish() {
            outcome.complete(result);
        }

        void complete(T value) {
            outcome.complete(value);
        }

        void fail(Throwable failure) {
            outcome.completeExceptionally(failure);
        }

        T await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw rethrown(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The failure as the write threw it, so that callers can look at its type and cause. */
        private static RuntimeException rethrown(Throwable cause) {
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("the database write failed", cause);
        }
    }
}
