package dev.harbor.application.locker;

import dev.harbor.domain.locker.LockerId;

/** The outcome of opening one door. */
public sealed interface OpenResult {

    /** @param doorOpen the sensor reading after the pulse, {@code null} when unknown */
    record Opened(LockerId lockerId, Boolean doorOpen, int attempts) implements OpenResult {}

    /** The board answered that the lock did not release: not retried. */
    record HardwareFault(LockerId lockerId, String message, int attempts) implements OpenResult {}

    /** No usable answer from the board after every attempt. */
    record ControllerUnavailable(LockerId lockerId, String message, int attempts) implements OpenResult {}

    record LockerNotFound() implements OpenResult {}

    record TransactionNotFound() implements OpenResult {}
}
