package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.Transaction;

/**
 * Opens an external locker (a Bikeep device) by the command its state needs, as spec/bikeep.md's
 * transaction flow says; our own boards are opened by a door-release pulse instead.
 */
public interface RemoteDoors {

    /** Drop-off ({@code lock}) or pick-up ({@code unlock}) for the transaction holding the locker. */
    OpenResult openForTransaction(Locker locker, Transaction transaction);

    /** A maintenance open: {@code force-unlock}, audited. */
    OpenResult maintenanceOpen(Locker locker, Actor actor);

    /** No remote site: an external locker cannot be reached. */
    RemoteDoors NONE = new RemoteDoors() {
        @Override
        public OpenResult openForTransaction(Locker locker, Transaction transaction) {
            return unreachable(locker);
        }

        @Override
        public OpenResult maintenanceOpen(Locker locker, Actor actor) {
            return unreachable(locker);
        }

        private OpenResult unreachable(Locker locker) {
            return new OpenResult.ControllerUnavailable(locker.id(), "the remote site is not configured", 0);
        }
    };
}
