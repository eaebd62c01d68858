package dev.harbor.application.transaction;

import dev.harbor.application.Actor;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.util.List;

/**
 * Books and frees external lockers (Bikeep devices) for transactions, as spec/bikeep.md's
 * transaction flow says: a transaction is confirmed only once its device is booked, and ends only
 * once its device is freed.
 */
public interface RemoteBookings {

    /**
     * Assigns one of {@code candidates} to a new transaction and books its device, moving on to the
     * next candidate when a booking fails (at most three devices are tried).
     */
    Booking book(TransactionId id, List<Locker> candidates);

    sealed interface Booking {
        record Booked(Transaction transaction) implements Booking {}

        /** A transaction with this id exists already: nothing was booked. */
        record AlreadyExists(Transaction existing) implements Booking {}

        /** Every candidate was taken meanwhile. */
        record NoneFree() implements Booking {}

        /** No device could be booked: nothing was created. */
        record Failed(String message) implements Booking {}
    }

    /**
     * Frees the transaction's device with the command its state needs, then ends the transaction;
     * {@code actor} asked for the release.
     */
    ReleaseTransaction.Outcome release(Transaction transaction, Locker locker, Actor actor);

    /** No remote site: nothing can be booked or freed. */
    RemoteBookings NONE = new RemoteBookings() {
        @Override
        public Booking book(TransactionId id, List<Locker> candidates) {
            return new Booking.Failed("the remote site is not configured");
        }

        @Override
        public ReleaseTransaction.Outcome release(Transaction transaction, Locker locker, Actor actor) {
            return new ReleaseTransaction.Outcome.ControllerUnavailable(
                    "the remote site is not configured", null, null);
        }
    };
}
