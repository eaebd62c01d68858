package dev.harbor.application.locker;

/** What the door-open policy made of all its attempts at one lock. */
public sealed interface DoorOpenOutcome {

    int attempts();

    record Opened(Boolean doorOpen, int attempts) implements DoorOpenOutcome {}

    /** The board reported a malfunction; the policy stopped at once. */
    record HardwareFailed(String message, int attempts) implements DoorOpenOutcome {}

    /** Every attempt failed to communicate, or timed out. */
    record Unreachable(String message, int attempts) implements DoorOpenOutcome {}
}
