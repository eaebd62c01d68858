package dev.harbor.domain.transaction;

import dev.harbor.domain.locker.LockerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's use of one locker, from create to release. Released transactions are kept for
 * history; only an active one holds its locker.
 *
 * @param releasedAt {@code null} while active
 */
public record Transaction(TransactionId id, LockerId lockerId, Instant createdAt, int openCount, Instant releasedAt) {

    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lockerId, "lockerId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (openCount < 0) {
            throw new IllegalArgumentException("openCount cannot be negative");
        }
    }

    public static Transaction started(TransactionId id, LockerId lockerId, Instant now) {
        return new Transaction(id, lockerId, now, 0, null);
    }

    public boolean isActive() {
        return releasedAt == null;
    }
}
