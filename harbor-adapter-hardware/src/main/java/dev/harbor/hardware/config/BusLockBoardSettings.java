package dev.harbor.hardware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of {@code BusLockBoard}.
 *
 * @param pollInterval        how often each attached board's status is read in the background
 * @param pollTimeout         how long one background status read may take
 * @param quietGap            the line stays quiet this long between two requests (3.5 characters at
 *                            9600 baud are 3.65 ms)
 * @param frameEndGap         a reply whose length the protocol does not imply (xor8a read-all) is
 *                            complete when the line stays quiet this long after it
 * @param corruptReplyGrace   a reply that failed validation and is followed by this much silence
 *                            fails the attempt at once instead of at its deadline
 * @param silentOpenSettle    after an open the board does not answer (KR-CU16), wait this long before
 *                            reading the status that confirms it
 * @param reconnectBackoffMin first wait before reopening a missing or failed device
 * @param reconnectBackoffMax the back-off doubles up to this
 */
public record BusLockBoardSettings(
        Duration pollInterval,
        Duration pollTimeout,
        Duration quietGap,
        Duration frameEndGap,
        Duration corruptReplyGrace,
        Duration silentOpenSettle,
        Duration reconnectBackoffMin,
        Duration reconnectBackoffMax) {

    public static final BusLockBoardSettings DEFAULTS = new BusLockBoardSettings(
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofMillis(5),
            Duration.ofMillis(15),
            Duration.ofMillis(30),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofSeconds(5));

    public BusLockBoardSettings {
        positive(pollInterval, "pollInterval");
        positive(pollTimeout, "pollTimeout");
        positive(quietGap, "quietGap");
        positive(frameEndGap, "frameEndGap");
        positive(corruptReplyGrace, "corruptReplyGrace");
        Objects.requireNonNull(silentOpenSettle, "silentOpenSettle");
        positive(reconnectBackoffMin, "reconnectBackoffMin");
        positive(reconnectBackoffMax, "reconnectBackoffMax");
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new IllegalArgumentException("reconnectBackoffMax must not be below reconnectBackoffMin");
        }
    }

    public BusLockBoardSettings withPollInterval(Duration interval) {
        return new BusLockBoardSettings(
                interval,
                pollTimeout,
                quietGap,
                frameEndGap,
                corruptReplyGrace,
                silentOpenSettle,
                reconnectBackoffMin,
                reconnectBackoffMax);
    }

    public BusLockBoardSettings withPollTimeout(Duration timeout) {
        return new BusLockBoardSettings(
                pollInterval,
                timeout,
                quietGap,
                frameEndGap,
                corruptReplyGrace,
                silentOpenSettle,
                reconnectBackoffMin,
                reconnectBackoffMax);
    }

    public BusLockBoardSettings withReconnectBackoff(Duration min, Duration max) {
        return new BusLockBoardSettings(
                pollInterval, pollTimeout, quietGap, frameEndGap, corruptReplyGrace, silentOpenSettle, min, max);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
