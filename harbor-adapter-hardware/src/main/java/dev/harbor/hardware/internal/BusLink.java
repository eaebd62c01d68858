package dev.harbor.hardware.internal;

import java.io.IOException;

/** The gateway's end of one bus: a serial device, a TCP socket or an in-process simulator line. */
interface BusLink {

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

    void close();
}
