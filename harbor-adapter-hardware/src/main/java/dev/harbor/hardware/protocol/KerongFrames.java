package dev.harbor.hardware.protocol;

import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.ProtocolOptions.FeedbackPolarity;

/** What the two Kerong protocols share: {@code 02 … 03 SUM} framing and bit-per-lock status bytes. */
final class KerongFrames {

    static final int STX = 0x02;
    static final int ETX = 0x03;

    private KerongFrames() {}

    /** Fills in the trailing {@code 03 SUM} of a frame whose other bytes are set. */
    static byte[] seal(byte[] frame) {
        frame[frame.length - 2] = (byte) ETX;
        frame[frame.length - 1] = (byte) Frames.sum(frame, 0, frame.length - 1);
        return frame;
    }

    static boolean sumOk(byte[] bytes, int at, int frameLength) {
        return Frames.sum(bytes, at, at + frameLength - 1) == Frames.u(bytes[at + frameLength - 1]);
    }

    static boolean lockedByBit(ProtocolOptions options, boolean set) {
        return options.feedbackPolarity() == FeedbackPolarity.SET_MEANS_LOCKED ? set : !set;
    }

    static boolean bitForLocked(ProtocolOptions options, boolean locked) {
        return lockedByBit(options, true) == locked;
    }

    static void setBit(byte[] bytes, int from, int index) {
        bytes[from + index / 8] |= (byte) (1 << (index % 8));
    }
}
