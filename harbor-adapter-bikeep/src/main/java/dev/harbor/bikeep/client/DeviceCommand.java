package dev.harbor.bikeep.client;

/** The commands a device accepts, with the names Bikeep uses on the wire. */
public enum DeviceCommand {
    /** Reserve an {@code UNLOCKED} device; the only command that takes a {@code timeout_at}. */
    BOOK("book"),
    CANCEL_BOOKING("cancel-booking"),
    /** Release the latch or arm; reaches {@code SUCCESS} once the user has secured the item. */
    LOCK("lock"),
    UNLOCK("unlock"),
    /** Administrative: bypasses the state checks. */
    FORCE_LOCK("force-lock"),
    /** Administrative: bypasses the state checks. */
    FORCE_UNLOCK("force-unlock"),
    /** Administrative: bypasses the state checks. */
    FORCE_CANCEL_BOOKING("force-cancel-booking");

    private final String wireName;

    DeviceCommand(String wireName) {
        this.wireName = wireName;
    }

    /** The name Bikeep expects in {@code {"command": …}}. */
    public String wireName() {
        return wireName;
    }
}
