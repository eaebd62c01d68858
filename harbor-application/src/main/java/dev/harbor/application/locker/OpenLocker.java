package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;

/**
 * Opening one door under the door-open policy. Opening is optimistic: it does not look at the
 * service flag, the board's health or the transaction state.
 */
public interface OpenLocker {

    /** Opens the locker of an active transaction, which stays active (open again for pickup). */
    OpenResult openForTransaction(TransactionId id);

    /** Maintenance open: a door-release pulse only; the locker's state is untouched. */
    OpenResult openLocker(LockerId id, Actor actor);
}
