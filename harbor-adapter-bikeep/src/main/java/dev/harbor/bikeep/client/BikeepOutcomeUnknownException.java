package dev.harbor.bikeep.client;

/**
 * A command POST was sent but its answer never came (request timeout, connection lost mid-way): Bikeep
 * may or may not have accepted it. The client does not send it again, because a second {@code lock}
 * or {@code book} could act twice. Re-read the device ({@link BikeepClient#device(String)}) to learn
 * what happened, and send again only if it did not.
 */
public final class BikeepOutcomeUnknownException extends BikeepException {

    private static final long serialVersionUID = 1L;

    private final String deviceId;

    public BikeepOutcomeUnknownException(String message, String deviceId, Throwable cause) {
        super(message, 0, null, null, cause);
        this.deviceId = deviceId;
    }

    /** The device the command was for. */
    public String deviceId() {
        return deviceId;
    }
}
