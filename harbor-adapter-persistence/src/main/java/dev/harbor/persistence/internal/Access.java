package dev.harbor.persistence.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How the stores reach the database: reads on the reader, every change in one transaction on the
 * writer. For SQLite these are two pools (one connection writes, several read the WAL snapshot
 * beside it); for PostgreSQL both are the same pool.
 */
public final class Access {

    private static final int MAX_ATTEMPTS = 5;

    private final Jdbi reader;
    private final Jdbi writer;
    private final Dialect dialect;

    public Access(Jdbi reader, Jdbi writer, Dialect dialect) {
        this.reader = reader;
        this.writer = writer;
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** One or more reads outside any transaction: each statement sees the latest commit. */
    public <T> T read(HandleCallback<T, RuntimeException> callback) {
        return reader.withHandle(callback);
    }

    /**
     * One database transaction, tried again (with a short random pause) when the database gave up
     * on it for a transient reason: a deadlock or serialization failure, or SQLite busy.
     * The callback must therefore have no effect outside the handle.
     */
    public <T> T write(HandleCallback<T, RuntimeException> callback) {
        return retried(() -> writer.inTransaction(callback));
    }

    /**
     * One statement on the writer in auto-commit: the statement is its own database transaction,
     * durable when it returns, without the round trip of a separate COMMIT. Tried again like
     * {@link #write}. The callback must run exactly one statement that changes anything.
     */
    public <T> T writeOneStatement(HandleCallback<T, RuntimeException> callback) {
        return retried(() -> writer.withHandle(callback));
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
