package dev.harbor.domain.device;

/**
 * The API-level state of one device (a Harbor locker or a Bikeep locker or dock), as in
 * {@code spec/state-machine.md}. Which inputs move a device between these states is decided by
 * {@link DeviceStateMachine}.
 */
public enum DeviceState {
    /** Free, ready for a new user. A locker's door is closed and latched; a dock's arm is open. */
    UNLOCKED,
    /** A command was accepted and the device has not acknowledged it yet; nobody else can take it. */
    ALLOCATED,
    /** Reserved for one user; a Harbor transaction books with no expiry. */
    BOOKED,
    /** The user is placing the item; waiting for the hardware to confirm it is secured. */
    LOCKING,
    /** In use, item secured. */
    LOCKED,
    /** Released; waiting for the hardware to confirm. */
    UNLOCKING
}
