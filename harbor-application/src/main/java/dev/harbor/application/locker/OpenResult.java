package dev.harbor.application.locker;

import dev.harbor.application.RemoteProblem;
import dev.harbor.domain.locker.LockerId;

/** The outcome of opening one door, or of the command that opens a remote device (Bikeep). */
public sealed interface OpenResult {

    /** @param doorOpen the sensor reading after the pulse, {@code null} when unknown */
    record Opened(LockerId lockerId, Boolean doorOpen, int attempts) implements OpenResult {}

    /**
     * The board answered that the lock did not release: not retried. For a remote device, the
     * command ended in {@code ERROR} for a reason other than the device being unreachable.
     *
     * @param remote what the remote site said; {@code null} for our own boards
     */
    record HardwareFault(LockerId lockerId, String message, int attempts, RemoteFailure remote) implements OpenResult {
        public HardwareFault(LockerId lockerId, String message, int attempts) {
            this(lockerId, message, attempts, null);
        }
    }

    /**
     * No usable answer from the board after every attempt. For a remote device: the remote site
     * could not be reached, the device was offline, or the command made no progress in time.
     *
     * @param remote what the remote site said; {@code null} for our own boards
     */
    record ControllerUnavailable(LockerId lockerId, String message, int attempts, RemoteFailure remote)
            implements OpenResult {
        public ControllerUnavailable(LockerId lockerId, String message, int attempts) {
            this(lockerId, message, attempts, null);
        }
    }

    /**
     * A remote device is in the middle of a command ({@code ALLOCATED}, {@code LOCKING},
     * {@code UNLOCKING}) or held by someone else: nothing was sent.
     */
    record Busy(LockerId lockerId, String message) implements OpenResult {}

    /**
     * What the remote site said of a failed command.
     *
     * @param reason the command's {@code ERROR} reason; {@code null} when it never answered
     * @param problem why it could not be asked at all; {@code null} when it answered
     */
    record RemoteFailure(String reason, RemoteProblem problem) {}

    record LockerNotFound() implements OpenResult {}

    record TransactionNotFound() implements OpenResult {}
}
