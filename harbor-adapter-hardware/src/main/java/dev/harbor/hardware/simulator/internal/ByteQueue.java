package dev.harbor.hardware.simulator.internal;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** A one-way byte pipe between threads, standing in for a wire in process. */
public final class ByteQueue {

    private byte[] bytes = new byte[256];
    private int length;
    private boolean closed;

    public synchronized void write(byte[] data, int offset, int count) {
        if (closed) {
            return;
        }
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(data, offset, bytes, length, count);
        length += count;
        notifyAll();
    }

    /** Waits up to {@code timeoutNanos} for bytes; returns 0 when none came, -1 once closed. */
    public synchronized int read(byte[] into, int offset, int max, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (length == 0 && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (length == 0) {
            return -1;
        }
        int count = Math.min(max, length);
        System.arraycopy(bytes, 0, into, offset, count);
        System.arraycopy(bytes, count, bytes, 0, length - count);
        length -= count;
        return count;
    }

    public synchronized int available() {
        return closed && length == 0 ? -1 : length;
    }

    public synchronized void clear() {
        length = 0;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
