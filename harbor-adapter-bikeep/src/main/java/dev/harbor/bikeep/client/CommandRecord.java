package dev.harbor.bikeep.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A command sent to a device, as Bikeep reports it. Commands are asynchronous: poll {@link
 * BikeepClient#command(String)} or use {@link BikeepClient#awaitCommand} until {@link
 * CommandState#isFinished()}.
 *
 * @param id the command id
 * @param name the wire name, e.g. {@code book}
 * @param deviceId the device it was sent to
 * @param state where the command is
 * @param events its history, oldest first
 */
public record CommandRecord(String id, String name, String deviceId, CommandState state, List<CommandEvent> events) {

    public CommandRecord {
        Objects.requireNonNull(id, "id");
        state = state == null ? new CommandState(null, null, null) : state;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * Where a command is.
     *
     * @param value {@code NOT_SENT}, {@code SENT}, {@code RECEIVED}, {@code SUCCESS} or {@code ERROR}
     * @param reason why it failed (with {@code ERROR}), may be null
     * @param timeoutAt deadline of the current state; null once finished
     */
    public record CommandState(String value, String reason, Instant timeoutAt) {

        public boolean isSuccess() {
            return "SUCCESS".equals(value);
        }

        public boolean isError() {
            return "ERROR".equals(value);
        }

        /** {@code SUCCESS} or {@code ERROR}: the command will not change any more. */
        public boolean isFinished() {
            return isSuccess() || isError();
        }
    }

    /**
     * One step of a command's history, e.g. {@code REQUEST_SENT} or {@code RESPONSE_DEVICE_LOCKED}.
     *
     * @param name the event name
     * @param value an optional value, may be null
     * @param timestamp when it happened, may be null
     */
    public record CommandEvent(String name, String value, Instant timestamp) {}
}
