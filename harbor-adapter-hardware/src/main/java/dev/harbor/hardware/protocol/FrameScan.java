package dev.harbor.hardware.protocol;

/**
 * The result of looking for one frame in the bytes received so far. Garbage before a frame and
 * candidate frames that fail validation are skipped, so a valid frame later in the buffer wins.
 */
public sealed interface FrameScan<T> permits FrameScan.Found, FrameScan.Pending {

    /**
     * A valid frame.
     *
     * @param start      index of the frame's first byte
     * @param end        index just past the frame's last byte
     * @param endCertain {@code false} when the frame length is not implied by the protocol (xor8a
     *                   read-all): more bytes arriving before the line goes quiet may extend it
     */
    record Found<T>(T value, int start, int end, boolean endCertain) implements FrameScan<T> {}

    /**
     * No valid frame yet.
     *
     * @param rejected why the last complete candidate frame was rejected, or {@code null} when
     *                 none was: a reply that stays like this is corrupt rather than missing
     * @param missing  how many bytes the candidate frame that has begun still lacks, when the
     *                 protocol implies its length; 0 when unknown (no candidate yet, or a reply of
     *                 board-dependent length)
     */
    record Pending<T>(String rejected, int missing) implements FrameScan<T> {
        public Pending(String rejected) {
            this(rejected, 0);
        }
    }

    static <T> FrameScan<T> nothingYet() {
        return new Pending<>(null);
    }
}
