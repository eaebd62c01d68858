package dev.harbor.hardware.simulator;

import dev.harbor.hardware.simulator.internal.ByteQueue;

/**
 * The gateway's end of an in-process wire to a {@link SimulatedBus}. Bytes written here reach the
 * simulated boards; their replies come back through {@link #read}.
 */
public final class InProcessLine implements AutoCloseable {

    private static final long BOARD_READ_SLICE_NANOS = 100_000_000L;

    private final ByteQueue toBoard = new ByteQueue();
    private final ByteQueue toGateway = new ByteQueue();

    InProcessLine() {}

    public void write(byte[] bytes, int offset, int count) {
        toBoard.write(bytes, offset, count);
    }

    /** Waits up to {@code timeoutNanos} for reply bytes; 0 when none came, -1 once closed. */
    public int read(byte[] into, int offset, int max, long timeoutNanos) throws InterruptedException {
        return toGateway.read(into, offset, max, timeoutNanos);
    }

    /** Bytes waiting to be read, -1 once closed. */
    public int available() {
        return toGateway.available();
    }

    public void discardInput() {
        toGateway.clear();
    }

    @Override
    public void close() {
        toBoard.close();
        toGateway.close();
    }

    BoardLine boardEnd() {
        return new BoardLine() {
            @Override
            public int read(byte[] into, int offset, int max) {
                try {
                    return toBoard.read(into, offset, max, BOARD_READ_SLICE_NANOS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int count) {
                toGateway.write(bytes, offset, count);
            }

            @Override
            public void close() {
                InProcessLine.this.close();
            }
        };
    }
}
