package dev.harbor.domain.command;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a command's history. The name's prefix says who speaks: {@code REQUEST_} our side
 * (e.g. {@code REQUEST_SENT}), {@code RESPONSE_} the device answered (e.g.
 * {@code RESPONSE_DEVICE_LOCKED}), {@code STATE_} the device's state changed.
 *
 * @param name      {@code REQUEST_}, {@code RESPONSE_} or {@code STATE_} followed by upper-case
 *                  letters, digits or underscores
 * @param value     optional detail, {@code null} when the name says it all
 * @param timestamp when it happened, by the clock of whoever reported it
 */
public record CommandEvent(String name, String value, Instant timestamp) {

    private static final Pattern NAME = Pattern.compile("(REQUEST|RESPONSE|STATE)_[A-Z0-9_]+");

    public CommandEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("command event name must be REQUEST_, RESPONSE_ or STATE_"
                    + " followed by upper-case letters, digits or underscores, was " + name);
        }
    }

    public static CommandEvent of(String name, Instant timestamp) {
        return new CommandEvent(name, null, timestamp);
    }
}
