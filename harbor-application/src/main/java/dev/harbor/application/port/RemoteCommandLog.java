package dev.harbor.application.port;

import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every command Harbor sends to a remote device, written before it is sent and before its result
 * is awaited (spec/bikeep.md). After a crash or restart the unfinished ones tell the gateway what
 * it was doing, so that it can finish or undo it: no transaction answered 201 is lost, and no
 * device stays booked by Harbor without a transaction.
 */
public interface RemoteCommandLog {

    /** Records a command about to be sent; it is unfinished until {@link #finish}. */
    Entry begin(NewEntry entry);

    /**
     * The cloud accepted the command under {@code commandId}.
     *
     * @return {@code false} when no unfinished entry has this id
     */
    boolean sent(long entryId, String commandId);

    /**
     * The command's outcome is known and acted upon. {@code state} is its last known state:
     * {@code SUCCESS} or {@code ERROR}, or {@code NOT_SENT} when it provably never left.
     *
     * @param reason why it failed, or what was done instead; may be null
     * @return {@code false} when no unfinished entry has this id
     */
    boolean finish(long entryId, CommandState state, String reason, Instant at);

    /** Every unfinished entry, oldest first. */
    List<Entry> unfinished();

    Optional<Entry> find(long entryId);

    /**
     * Removes finished entries older than {@code before}; unfinished ones stay whatever their age.
     *
     * @return how many were removed
     */
    int pruneFinished(Instant before);

    /** Why Harbor sent a command: what finishing or undoing it means after a restart. */
    enum Purpose {
        /** {@code book} for a new transaction: kept on success, undone otherwise. */
        CREATE,
        /** {@code lock} or {@code unlock} for a transaction's open: nothing to undo. */
        OPEN,
        /** {@code cancel-booking} or {@code force-unlock} for a release: the transaction ends on success. */
        RELEASE,
        /** {@code force-unlock} for a maintenance open: nothing to undo. */
        MAINTENANCE_OPEN,
        /** {@code cancel-booking} undoing a booking that no transaction holds. */
        UNDO
    }

    /**
     * @param transactionId the transaction it serves; {@code null} for a maintenance open or an undo
     */
    record NewEntry(
            TransactionId transactionId,
            LockerId lockerId,
            String deviceId,
            DeviceCommand command,
            Purpose purpose,
            Instant createdAt) {

        public NewEntry {
            Objects.requireNonNull(lockerId, "lockerId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * @param commandId the cloud's id; {@code null} until it accepted the command (the send may
     *     have arrived or not)
     * @param state {@code NOT_SENT} until sent, {@code SENT} after; the final state once finished
     * @param finishedAt {@code null} while unfinished
     */
    record Entry(
            long id,
            TransactionId transactionId,
            LockerId lockerId,
            String deviceId,
            DeviceCommand command,
            Purpose purpose,
            String commandId,
            CommandState state,
            String reason,
            Instant createdAt,
            Instant finishedAt) {

        public Entry {
            Objects.requireNonNull(lockerId, "lockerId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public boolean isFinished() {
            return finishedAt != null;
        }
    }
}
