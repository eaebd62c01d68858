package dev.harbor.domain.device;

/** What the hardware (our lock board or Bikeep's device) reports about one device. */
public enum HardwareEvent {
    /** The device received the pending command. */
    ACKNOWLEDGED,
    /** The item is secured: door closed and latched, or dock arm closed. */
    SECURED,
    /** The latch or arm released. */
    RELEASED,
    /** The door sensor reads open. */
    DOOR_OPENED,
    /** The door sensor reads closed. */
    DOOR_CLOSED,
    /** The hardware reported a malfunction. */
    FAULT
}
