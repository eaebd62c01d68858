package dev.harbor.hardware.protocol;

/** Scans for frames whose length the protocol implies, checking each candidate that starts with the head byte. */
final class FixedLengthFrames {

    interface CandidateCheck<T> {
        /** Returns {@link FrameScan.Found} or {@link FrameScan.Pending} with the rejection reason. */
        FrameScan<T> check(byte[] bytes, int at);
    }

    private FixedLengthFrames() {}

    static <T> FrameScan<T> scan(byte[] bytes, int length, int head, int frameLength, CandidateCheck<T> check) {
        String rejected = null;
        for (int at = 0; at < length; at++) {
            if (Frames.u(bytes[at]) != head) {
                continue;
            }
            if (at + frameLength > length) {
                return new FrameScan.Pending<>(rejected, at + frameLength - length);
            }
            FrameScan<T> result = check.check(bytes, at);
            if (result instanceof FrameScan.Found<T>) {
                return result;
            }
            if (result instanceof FrameScan.Pending<T> pending) {
                rejected = pending.rejected();
            }
        }
        return new FrameScan.Pending<>(rejected);
    }

    static <T> FrameScan<T> reject(String reason, byte[] bytes, int at, int frameLength) {
        return new FrameScan.Pending<>(reason + " in " + Frames.hex(bytes, at, at + frameLength));
    }
}
