package dev.harbor.persistence.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How the stores reach the database: reads on the reader, every change in one transaction on the
 * writer, made by a {@link GroupCommitWriter} that commits the writes waiting together at once.
 * For SQLite the reader and the writer are two pools (one connection writes, several read the WAL
 * snapshot beside it); for PostgreSQL both are the same pool.
 */
public final class Access implements AutoCloseable {

    private static final int MAX_ATTEMPTS = 5;

    private final Jdbi reader;
    private final Jdbi writer;
    private final Dialect dialect;
    private final GroupCommitWriter groupCommits;

    public Access(Jdbi reader, Jdbi writer, Dialect dialect) {
        this.reader = reader;
        this.writer = writer;
        this.dialect = dialect;
        this.groupCommits = new GroupCommitWriter(writer, "harbor-" + dialect.storageName() + "-writer");
    }

    public Dialect dialect() {
        return dialect;
    }

    /** One or more reads outside any transaction: each statement sees the latest commit. */
    public <T> T read(HandleCallback<T, RuntimeException> callback) {
        return reader.withHandle(callback);
    }

    /**
     * One database transaction, or a part of one shared with other writes, durable when this returns.
     * Tried again (with a short random pause) when the database gave up on it for a transient reason:
     * a deadlock or serialization failure, or SQLite busy; run again alone when another write of its
     * batch failed. The callback must therefore have no effect outside the handle.
     */
    public <T> T write(HandleCallback<T, RuntimeException> callback) {
        Supplier<T> alone = () -> retried(() -> writer.inTransaction(callback));
        return groupCommits.write(callback, alone);
    }

    /**
     * One statement on the writer, durable when this returns. Alone, it runs in auto-commit, as its
     * own database transaction without the round trip of a separate COMMIT; beside other writes, in
     * their transaction. Tried again like {@link #write}. The callback must run exactly one
     * statement that changes anything.
     */
    public <T> T writeOneStatement(HandleCallback<T, RuntimeException> callback) {
        Supplier<T> alone = () -> retried(() -> writer.withHandle(callback));
        return groupCommits.write(callback, alone);
    }

    /** Commits made by the writer so far: fewer than the writes when writes waited together. */
    public long commits() {
        return groupCommits.commits();
    }

    /** Writes waiting for the writer. */
    public int waitingWrites() {
        return groupCommits.waiting();
    }

    /** Finishes the writes already queued; the pools are the caller's to close. */
    @Override
    public void close() {
        groupCommits.close();
    }

    private <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !dialect.isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a database transaction", interrupted);
        }
    }
}
