package dev.harbor.application.transaction;

import dev.harbor.application.Actor;
import dev.harbor.domain.transaction.TransactionId;
import java.util.Objects;

/**
 * Creating a transaction books a free locker for it; the gateway picks the locker and no door
 * is opened. Idempotent: the same id again returns the existing transaction.
 */
public interface CreateTransaction {

    /** Creates the transaction; the audit trail names {@code actor} with the outcome. */
    Result create(Command command, Actor actor);

    /** As {@link #create(Command, Actor)} for the embedding application ({@link Actor#EMBEDDER}). */
    default Result create(Command command) {
        return create(command, Actor.EMBEDDER);
    }

    /**
     * @param lockerTypeSlug restricts the choice to that type; {@code null} for any. A string that
     *                       is not even a slug names no type either: {@code UnknownLockerType}.
     */
    record Command(TransactionId transactionId, String lockerTypeSlug) {
        public Command {
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    sealed interface Result {
        record Created(TransactionView transaction) implements Result {}

        record AlreadyExists(TransactionView existing) implements Result {}

        record NoAvailableLocker() implements Result {}

        record UnknownLockerType(String slug) implements Result {}

        /**
         * Only remote lockers (Bikeep) were free and none could be booked: the remote site did not
         * answer, or each device tried refused. Nothing was created.
         */
        record ControllerUnavailable(String message) implements Result {}
    }
}
