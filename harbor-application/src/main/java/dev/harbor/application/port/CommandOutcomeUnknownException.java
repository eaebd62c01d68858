package dev.harbor.application.port;

import dev.harbor.domain.device.DeviceCommand;
import java.util.Objects;

/**
 * A command left for a remote device but its answer was lost (a read timeout, a connection cut
 * mid-way): the cloud may or may not have it. Never send it again, since a second {@code book} or
 * {@code lock} could act twice; re-read the device ({@link RemoteDevices#device}) to learn what
 * happened.
 *
 * <p>Not a {@link RemoteSiteException} on purpose: a caller that retries delivery on {@code
 * UNAVAILABLE} cannot catch this one by accident and re-send.
 */
public final class CommandOutcomeUnknownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String deviceId;
    private final DeviceCommand command;

    public CommandOutcomeUnknownException(String message, String deviceId, DeviceCommand command, Throwable cause) {
        super(message, cause);
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.command = Objects.requireNonNull(command, "command");
    }

    /** The device to re-read. */
    public String deviceId() {
        return deviceId;
    }

    /** The command that may have arrived. */
    public DeviceCommand command() {
        return command;
    }
}
