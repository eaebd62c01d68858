package dev.harbor.application.transaction;

import dev.harbor.domain.transaction.TransactionId;

/** Ending a transaction: its locker becomes free again; no door is touched. */
public interface ReleaseTransaction {

    /** @return {@code false} when no active transaction has this id */
    boolean release(TransactionId id);
}
