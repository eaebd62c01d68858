package dev.harbor.domain.device;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands a device accepts, named on the wire as in Bikeep's API. */
public enum DeviceCommand {
    BOOK("book"),
    CANCEL_BOOKING("cancel-booking"),
    LOCK("lock"),
    UNLOCK("unlock"),
    FORCE_LOCK("force-lock"),
    FORCE_UNLOCK("force-unlock"),
    FORCE_CANCEL_BOOKING("force-cancel-booking");

    private static final Map<String, DeviceCommand> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(DeviceCommand::wireName, Function.identity()));

    private final String wireName;

    DeviceCommand(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in requests and command records, e.g. {@code "force-cancel-booking"}. */
    public String wireName() {
        return wireName;
    }

    /** Administrative recovery commands bypass the normal state checks and act for no holder. */
    public boolean isForce() {
        return this == FORCE_LOCK || this == FORCE_UNLOCK || this == FORCE_CANCEL_BOOKING;
    }

    /** The command with this exact wire name (case-sensitive, as on the wire), if any. */
    public static Optional<DeviceCommand> fromWireName(String wireName) {
        return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
    }
}
