package dev.harbor.domain.command;

/**
 * Where a command sent to a device stands (Bikeep's command model, adopted for our own API).
 * Commands move forward along {@code NOT_SENT → SENT → RECEIVED → SUCCESS}, or end in
 * {@code ERROR}.
 */
public enum CommandState {
    /** Recorded, not yet handed to the device's channel. */
    NOT_SENT,
    /** Handed to the channel; the device has not confirmed receipt. */
    SENT,
    /** The device has the command and is carrying it out. */
    RECEIVED,
    /** Done. Final. */
    SUCCESS,
    /** Failed, with a reason. Final. */
    ERROR;

    public boolean isFinal() {
        return this == SUCCESS || this == ERROR;
    }

    /**
     * Whether a command in this state may move to {@code next}. Steps may be skipped because a
     * poller can miss a short-lived state; nothing moves backwards, and final states stay final.
     */
    public boolean canMoveTo(CommandState next) {
        if (isFinal()) {
            return false;
        }
        return next == ERROR || next.ordinal() > ordinal();
    }
}
