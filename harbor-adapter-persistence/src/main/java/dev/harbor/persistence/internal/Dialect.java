package dev.harbor.persistence.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The little that differs between the two databases at run time. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String storageName;

    Dialect(String storageName) {
        this.storageName = storageName;
    }

    public String storageName() {
        return storageName;
    }

    /**
     * Row locks for a read-then-write inside a transaction. SQLite needs none: a write
     * transaction begins IMMEDIATE and holds the only write lock of the file until it ends.
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** A failure that a fresh attempt of the whole transaction may not meet again. */
    public boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException) {
                SQLiteErrorCode code = ((SQLiteException) t).getResultCode();
                if (code == SQLiteErrorCode.SQLITE_BUSY
                        || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY
                        || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                        || code == SQLiteErrorCode.SQLITE_BUSY_TIMEOUT
                        || code == SQLiteErrorCode.SQLITE_LOCKED) {
                    return true;
                }
            } else if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                // serialization_failure, deadlock_detected
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A unique or primary-key constraint refused the write. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException) {
                SQLiteErrorCode code = ((SQLiteException) t).getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return true;
                }
            } else if (t instanceof SQLException && "23505".equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
