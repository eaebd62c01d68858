package dev.harbor.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Consistent copies of the database, made while the gateway runs. The storage decides where a copy
 * goes and names it; nothing a caller sends becomes part of a path.
 */
public interface DatabaseBackups {

    /**
     * Writes a new copy, verified before it is reported, and never over an existing file.
     *
     * @param now the moment the copy is taken, which names it
     * @throws java.io.UncheckedIOException when the copy cannot be written or fails its check
     */
    Outcome backUp(Instant now);

    sealed interface Outcome {

        /**
         * @param file      where the copy is, as the gateway's host sees it
         * @param bytes     its size
         * @param createdAt when its snapshot was taken: everything committed before is in it
         */
        record Written(String file, long bytes, Instant createdAt) implements Outcome {
            public Written {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(createdAt, "createdAt");
            }
        }

        /** This storage is backed up by another tool; {@code message} names it. */
        record NotSupported(String message) implements Outcome {
            public NotSupported {
                Objects.requireNonNull(message, "message");
            }
        }
    }

    /** Stores Harbor cannot copy (an integrator's own, the in-memory fakes). */
    DatabaseBackups NONE = now -> new Outcome.NotSupported("This storage cannot be backed up through Harbor");
}
