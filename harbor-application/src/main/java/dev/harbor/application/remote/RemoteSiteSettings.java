package dev.harbor.application.remote;

import dev.harbor.domain.rule.PositiveDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * How Harbor follows and drives a remote site's devices (spec/bikeep.md, configuration).
 *
 * @param syncInterval how often each added location's devices are re-read (one call per location)
 * @param commandPoll how often a command in flight is read again
 * @param commandTimeout how long a create waits for its {@code book}, and a release for its command
 * @param bookingTtl how long a booking made for a Harbor transaction lasts upstream
 */
public record RemoteSiteSettings(
        Duration syncInterval, Duration commandPoll, Duration commandTimeout, Duration bookingTtl) {

    public static final RemoteSiteSettings DEFAULTS = new RemoteSiteSettings(
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofDays(1));

    public RemoteSiteSettings {
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(commandPoll, "commandPoll");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(bookingTtl, "bookingTtl");
        PositiveDuration.require("syncInterval", syncInterval);
        PositiveDuration.require("commandPoll", commandPoll);
        PositiveDuration.require("commandTimeout", commandTimeout);
        PositiveDuration.require("bookingTtl", bookingTtl);
    }
}
