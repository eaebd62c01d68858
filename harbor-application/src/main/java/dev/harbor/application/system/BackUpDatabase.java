package dev.harbor.application.system;

import dev.harbor.application.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * Copies the database while the gateway runs ({@code POST /system/backup}): a consistent snapshot
 * holding every transaction committed before it started, checked before it is reported. SQLite
 * only; a PostgreSQL database is backed up with {@code pg_dump}.
 */
public interface BackUpDatabase {

    /** @throws java.io.UncheckedIOException when the copy cannot be written or fails its check */
    BackupResult backUp(Actor actor);

    sealed interface BackupResult {

        /** @param createdAt when the snapshot was taken: everything committed before is in the copy */
        record Written(String file, long bytes, Instant createdAt) implements BackupResult {
            public Written {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(createdAt, "createdAt");
            }
        }

        /** The storage is backed up by another tool, which {@code message} names. */
        record NotSupported(String message) implements BackupResult {
            public NotSupported {
                Objects.requireNonNull(message, "message");
            }
        }
    }

    /** Where no backup is wired in: every request is answered with {@link BackupResult.NotSupported}. */
    BackUpDatabase UNAVAILABLE =
            actor -> new BackupResult.NotSupported("This gateway's storage cannot be backed up through Harbor");
}
