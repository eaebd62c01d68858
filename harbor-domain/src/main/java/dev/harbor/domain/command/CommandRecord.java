package dev.harbor.domain.command;

import dev.harbor.domain.device.DeviceCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command sent to one device, with its own little state machine ({@link CommandState}) and an
 * append-only history of {@link CommandEvent}s. Immutable: every change returns a new record.
 *
 * <p>An illegal state change throws {@link IllegalStateException}: it is a bug in the caller,
 * or an answer from a device that contradicts what we already recorded. Callers holding
 * remote data check {@link #canMoveTo} first.
 *
 * @param id        the command's id
 * @param deviceId  the device it was sent to
 * @param command   what was asked
 * @param state     where it stands
 * @param changedAt when it entered {@code state}
 * @param timeoutAt deadline of the current state ({@code null}: none); final states have none
 * @param reason    why it failed: required in {@code ERROR}, absent otherwise
 * @param events    its history, oldest first
 */
public record CommandRecord(
        String id,
        String deviceId,
        DeviceCommand command,
        CommandState state,
        Instant changedAt,
        Instant timeoutAt,
        String reason,
        List<CommandEvent> events) {

    public CommandRecord {
        requireText(id, "id");
        requireText(deviceId, "deviceId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (state == CommandState.ERROR) {
            requireText(reason, "an ERROR's reason");
        } else if (reason != null) {
            throw new IllegalArgumentException("only an ERROR has a reason, " + state + " got " + reason);
        }
        if (state.isFinal() && timeoutAt != null) {
            throw new IllegalArgumentException(state + " is final and has no timeoutAt, got " + timeoutAt);
        }
    }

    /** A new command, not yet sent, whose history starts with {@code REQUEST_INITIATED}. */
    public static CommandRecord initiated(String id, String deviceId, DeviceCommand command, Instant now) {
        return new CommandRecord(
                id,
                deviceId,
                command,
                CommandState.NOT_SENT,
                now,
                null,
                null,
                List.of(CommandEvent.of("REQUEST_INITIATED", now)));
    }

    public boolean canMoveTo(CommandState next) {
        return state.canMoveTo(next);
    }

    /** Moves to {@code SENT}, {@code RECEIVED} or {@code SUCCESS}; for {@code ERROR} use {@link #failed}. */
    public CommandRecord movedTo(CommandState next, Instant timeoutAt, Instant now) {
        Objects.requireNonNull(next, "next");
        if (next == CommandState.ERROR) {
            throw new IllegalArgumentException("an ERROR needs a reason: use failed(reason, now)");
        }
        requireMove(next);
        return new CommandRecord(id, deviceId, command, next, now, timeoutAt, null, events);
    }

    public CommandRecord sent(Instant timeoutAt, Instant now) {
        return movedTo(CommandState.SENT, timeoutAt, now);
    }

    public CommandRecord received(Instant timeoutAt, Instant now) {
        return movedTo(CommandState.RECEIVED, timeoutAt, now);
    }

    public CommandRecord succeeded(Instant now) {
        return movedTo(CommandState.SUCCESS, null, now);
    }

    public CommandRecord failed(String reason, Instant now) {
        requireMove(CommandState.ERROR);
        return new CommandRecord(id, deviceId, command, CommandState.ERROR, now, null, reason, events);
    }

    /** The deadline of the current state exists and has been reached. */
    public boolean isDue(Instant now) {
        return timeoutAt != null && !now.isBefore(timeoutAt);
    }

    /** {@code ERROR} if the current state's deadline has passed (as Bikeep does), else this record. */
    public CommandRecord expireIfDue(Instant now) {
        return isDue(now) ? failed("timed out in " + state + " at " + timeoutAt, now) : this;
    }

    /** Appends an event, whatever the state: a device may still report after the command ended. */
    public CommandRecord withEvent(CommandEvent event) {
        Objects.requireNonNull(event, "event");
        var appended = new ArrayList<CommandEvent>(events.size() + 1);
        appended.addAll(events);
        appended.add(event);
        return new CommandRecord(id, deviceId, command, state, changedAt, timeoutAt, reason, appended);
    }

    private void requireMove(CommandState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("command " + id + " cannot move from " + state + " to " + next);
        }
    }

    private static void requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
