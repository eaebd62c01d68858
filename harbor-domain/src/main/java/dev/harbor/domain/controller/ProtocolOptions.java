package dev.harbor.domain.controller;

import java.util.Objects;

/**
 * Per-controller protocol settings where real boards differ (spec/hardware.md).
 *
 * @param feedbackPolarity which feedback value means "locked"
 * @param statusByteOrder  the order of the status bytes in a read-all reply (xor8a)
 */
public record ProtocolOptions(FeedbackPolarity feedbackPolarity, StatusByteOrder statusByteOrder) {

    public enum FeedbackPolarity {
        /** The usual lock: its feedback contact closes (bit/byte set) when locked. */
        SET_MEANS_LOCKED,
        /** Locks wired the other way. */
        SET_MEANS_OPEN
    }

    public enum StatusByteOrder {
        /** Highest group of locks first: the common default of boards with up to 24 channels. */
        HIGHEST_FIRST,
        LOWEST_FIRST
    }

    public static final ProtocolOptions DEFAULTS =
            new ProtocolOptions(FeedbackPolarity.SET_MEANS_LOCKED, StatusByteOrder.HIGHEST_FIRST);

    public ProtocolOptions {
        Objects.requireNonNull(feedbackPolarity, "feedbackPolarity");
        Objects.requireNonNull(statusByteOrder, "statusByteOrder");
    }
}
