package dev.harbor.hardware.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial bus through jSerialComm, opened by path (symlinks and ptys included). Reads poll
 * {@code bytesAvailable()} in short sleeps against the caller's deadline because jSerialComm's own
 * read timeouts have 100 ms granularity on Linux. No data listener is registered: when a device
 * vanishes its disconnect event fires in a tight loop, whereas a failed read lets the bus worker
 * close the port from its own thread and reconnect with back-off.
 */
final class JSerialCommLink implements BusLink {

    private static final long POLL_NANOS = 200_000;

    private final String path;
    private final int baudRate;
    private SerialPort port;

    JSerialCommLink(String path, int baudRate) {
        this.path = path;
        this.baudRate = baudRate;
    }

    @Override
    public String describe() {
        return "serial " + path;
    }

    /** A start bit, 8 data bits and a stop bit per byte (8N1). */
    @Override
    public long nanosPerByte() {
        return 10_000_000_000L / baudRate;
    }

    @Override
    public void open(long timeoutNanos) throws IOException {
        if (!Files.exists(Path.of(path))) {
            throw new IOException("serial device " + path + " is missing");
        }
        SerialPort candidate;
        try {
            // Resolved again on every open: a symlink (a pty pair, a udev name) may point elsewhere now.
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial device " + path + " is missing", e);
        }
        candidate.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!candidate.openPort()) {
            throw new IOException(
                    "cannot open serial device " + path + " (error " + candidate.getLastErrorCode() + ")");
        }
        port = candidate;
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public void discardInput() throws IOException {
        byte[] sink = new byte[256];
        int available;
        while ((available = available()) > 0) {
            port.readBytes(sink, Math.min(available, sink.length));
        }
    }

    @Override
    public void write(byte[] frame) throws IOException {
        if (port.writeBytes(frame, frame.length) != frame.length) {
            throw new IOException("write to " + path + " failed: the device is gone");
        }
    }

    @Override
    public int read(byte[] into, int offset, int max, long maxNanos) throws IOException {
        long deadline = System.nanoTime() + maxNanos;
        while (true) {
            int available = available();
            if (available > 0) {
                int read = port.readBytes(into, Math.min(available, max), offset);
                if (read < 0) {
                    throw new IOException("read from " + path + " failed: the device is gone");
                }
                return read;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return 0;
            }
            // Never past the caller's deadline: it may be the moment a reply's last byte is due.
            LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        }
    }

    /** {@code isOpen()} stays true after the device vanished; {@code bytesAvailable()} turns -1. */
    private int available() throws IOException {
        int available = port.bytesAvailable();
        if (available < 0) {
            throw new IOException("serial device " + path + " vanished");
        }
        return available;
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
