package dev.harbor.hardware.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the simulated boards of one bus.
 *
 * @param replyDelay      how long a board "thinks" before answering
 * @param lateReplyDelay  extra delay of a {@link SimulatedFault#LATE_REPLY}: set it beyond the gateway's attempt timeout
 * @param splitPause      the pause between the chunks of a {@link SimulatedFault#SPLIT_REPLY}
 * @param pacingBaud      0 = bytes travel instantly (as on a pty); otherwise requests and replies take
 *                        their wire time at this baud rate, 10 bits per byte (1.042 ms per byte at 9600)
 * @param doorClosesAfter how long an opened door stays open before it "closes" again; {@code null} = until told
 */
public record SimulatorSettings(
        Duration replyDelay, Duration lateReplyDelay, Duration splitPause, int pacingBaud, Duration doorClosesAfter) {

    public static final SimulatorSettings DEFAULTS = new SimulatorSettings(
            Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(5), 0, Duration.ofSeconds(10));

    public SimulatorSettings {
        Objects.requireNonNull(replyDelay, "replyDelay");
        Objects.requireNonNull(lateReplyDelay, "lateReplyDelay");
        Objects.requireNonNull(splitPause, "splitPause");
        if (pacingBaud < 0) {
            throw new IllegalArgumentException("pacingBaud must be 0 (off) or a baud rate");
        }
    }

    public SimulatorSettings withReplyDelay(Duration delay) {
        return new SimulatorSettings(delay, lateReplyDelay, splitPause, pacingBaud, doorClosesAfter);
    }

    public SimulatorSettings withLateReplyDelay(Duration delay) {
        return new SimulatorSettings(replyDelay, delay, splitPause, pacingBaud, doorClosesAfter);
    }

    public SimulatorSettings withSplitPause(Duration pause) {
        return new SimulatorSettings(replyDelay, lateReplyDelay, pause, pacingBaud, doorClosesAfter);
    }

    public SimulatorSettings withPacingBaud(int baud) {
        return new SimulatorSettings(replyDelay, lateReplyDelay, splitPause, baud, doorClosesAfter);
    }

    public SimulatorSettings withDoorClosesAfter(Duration after) {
        return new SimulatorSettings(replyDelay, lateReplyDelay, splitPause, pacingBaud, after);
    }

    /** Wire time of one byte, 0 when pacing is off. */
    public long nanosPerByte() {
        return pacingBaud == 0 ? 0 : 10_000_000_000L / pacingBaud;
    }
}
