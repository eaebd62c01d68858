package dev.harbor.hardware.link;

import java.io.IOException;

/**
 * The gateway's end of one bus: a serial device, a TCP socket or a simulator line. One bus worker
 * thread owns a link and is its only caller; it opens it again after a failure.
 */
public interface BusLink {

    /** Where the link goes, for log lines and error messages (for example {@code serial /dev/ttyUSB0}). */
    String describe();

    /** @throws IOException with a reason a person can act on (missing device, refused connection) */
    void open(long timeoutNanos) throws IOException;

    boolean isOpen();

    /** Drops whatever arrived since the last request: late bytes must never be read as the next reply. */
    void discardInput() throws IOException;

    void write(byte[] frame) throws IOException;

    /**
     * Waits at most {@code maxNanos} for bytes. Returns 0 when none came.
     *
     * @throws IOException when the device vanished or the connection closed
     */
    int read(byte[] into, int offset, int max, long maxNanos) throws IOException;

    /**
     * Wire time of one byte when bytes reach this link one by one at a known rate (a serial line);
     * 0 when they come in bursts at unknown times (a TCP bridge). Lets a reader that knows how many
     * bytes a reply still lacks tell when they can have arrived at the earliest.
     */
    default long nanosPerByte() {
        return 0;
    }

    /** Closes the link; it may be opened again. */
    void close();
}
