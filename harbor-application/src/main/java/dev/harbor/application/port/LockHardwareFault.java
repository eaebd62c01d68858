package dev.harbor.application.port;

/**
 * The board answered, and its answer says the lock failed: still locked after an open, or a
 * status that contradicts the open. Retrying would not help, so it is never retried.
 */
public final class LockHardwareFault extends LockBoardException {

    public LockHardwareFault(String message) {
        super(message, null);
    }
}
