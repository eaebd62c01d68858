package dev.harbor.hardware.simulator;

import java.io.IOException;

/** The board's end of a wire: a pty, a TCP connection or an in-process pipe. */
interface BoardLine {

    /** Waits briefly for bytes; returns 0 when none came, -1 when the line is gone. */
    int read(byte[] into, int offset, int max) throws IOException;

    void write(byte[] bytes, int offset, int count) throws IOException;

    void close();
}
