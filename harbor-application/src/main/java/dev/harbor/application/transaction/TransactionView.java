package dev.harbor.application.transaction;

import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;

/** What the API shows of a transaction. */
public record TransactionView(
        TransactionId transactionId, LockerId lockerId, String lockerTypeSlug, Instant createdAt, int openCount) {}
