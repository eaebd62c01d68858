package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;

/**
 * Opening one door under the door-open policy. Opening is optimistic: it does not look at the
 * service flag, the board's health or the transaction state.
 */
public interface OpenLocker {

    /**
     * Opens the locker of an active transaction, which stays active (open again for pickup); the
     * audit trail names {@code actor} with the outcome.
     */
    OpenResult openForTransaction(TransactionId id, Actor actor);

    /** As {@link #openForTransaction(TransactionId, Actor)} for the embedding application ({@link Actor#EMBEDDER}). */
    default OpenResult openForTransaction(TransactionId id) {
        return openForTransaction(id, Actor.EMBEDDER);
    }

    /** Maintenance open: a door-release pulse only; the locker's state is untouched. */
    OpenResult openLocker(LockerId id, Actor actor);
}
