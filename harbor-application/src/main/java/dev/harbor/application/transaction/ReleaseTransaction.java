package dev.harbor.application.transaction;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.domain.transaction.TransactionId;
import java.util.Objects;

/**
 * Ending a transaction: its locker becomes free again. No door of ours is touched; a remote device
 * (Bikeep) is freed first with the command its state needs, and the transaction ends only once it is.
 */
public interface ReleaseTransaction {

    /** Releases the transaction; the audit trail names {@code actor} with the outcome. */
    Outcome release(TransactionId id, Actor actor);

    /** As {@link #release(TransactionId, Actor)} for the embedding application ({@link Actor#EMBEDDER}). */
    default Outcome release(TransactionId id) {
        return release(id, Actor.EMBEDDER);
    }

    sealed interface Outcome {
        record Released() implements Outcome {}

        /** No active transaction has this id. */
        record NotFound() implements Outcome {}

        /**
         * The remote device could not be freed: the transaction is kept.
         *
         * @param reason the remote site's reason when it answered {@code ERROR}, else {@code null}
         * @param problem why the remote site could not be asked, else {@code null}
         */
        record ControllerUnavailable(String message, String reason, RemoteProblem problem) implements Outcome {
            public ControllerUnavailable {
                Objects.requireNonNull(message, "message");
            }
        }
    }
}
