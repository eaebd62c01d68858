package dev.harbor.hardware.simulator;

import dev.harbor.hardware.protocol.BoardCodec;
import dev.harbor.hardware.protocol.BoardRequest;
import dev.harbor.hardware.protocol.FrameScan;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one line: reads request frames, lets the bus's boards handle them one at a time (as a
 * real board does), and sends each reply with the planned delay, chunks and wire-time pacing.
 */
final class LineSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LineSession.class);
    private static final int CAPACITY = 1024;
    private static final long SPIN_NANOS = 250_000;

    private final SimulatedBus bus;
    private final BoardLine line;
    private volatile boolean running = true;

    LineSession(SimulatedBus bus, BoardLine line) {
        this.bus = bus;
        this.line = line;
    }

    static Thread start(SimulatedBus bus, BoardLine line, String name) {
        LineSession session = new LineSession(bus, line);
        Thread thread = new Thread(session, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[CAPACITY];
        int length = 0;
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                int read = line.read(buffer, length, CAPACITY - length);
                if (read < 0) {
                    return;
                }
                if (read == 0) {
                    continue;
                }
                long receivedAt = System.nanoTime();
                length += read;
                length = serveFrames(buffer, length, receivedAt);
                if (length == CAPACITY) {
                    length = 0;
                }
            }
        } catch (IOException e) {
            LOG.debug("simulator line closed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            line.close();
        }
    }

    private int serveFrames(byte[] buffer, int length, long receivedAt) throws IOException, InterruptedException {
        Optional<BoardCodec> codec = bus.requestCodec();
        if (codec.isEmpty()) {
            return 0;
        }
        while (true) {
            FrameScan<BoardRequest> scan = codec.get().scanRequest(buffer, length);
            if (!(scan instanceof FrameScan.Found<BoardRequest> found)) {
                return length;
            }
            byte[] frame = Arrays.copyOfRange(buffer, found.start(), found.end());
            System.arraycopy(buffer, found.end(), buffer, 0, length - found.end());
            length -= found.end();
            Optional<PlannedReply> reply = bus.handle(frame, found.value());
            if (reply.isPresent()) {
                send(reply.get(), receivedAt + frame.length * bus.settings().nanosPerByte());
            }
        }
    }

    private void send(PlannedReply reply, long requestEndedAt) throws IOException, InterruptedException {
        long perByte = bus.settings().nanosPerByte();
        long at = requestEndedAt + reply.delayNanos();
        boolean first = true;
        int chunksLeft = reply.chunks().size();
        for (byte[] chunk : reply.chunks()) {
            chunksLeft--;
            if (!first) {
                at += reply.pauseNanos();
            }
            first = false;
            if (perByte == 0) {
                sleepUntil(at, chunksLeft == 0);
                line.write(chunk, 0, chunk.length);
                continue;
            }
            for (int i = 0; i < chunk.length; i++) {
                at += perByte;
                sleepUntil(at, chunksLeft == 0 && i == chunk.length - 1);
                line.write(chunk, i, 1);
            }
        }
        if (!reply.chunks().isEmpty()) {
            bus.replySent();
        }
    }

    /**
     * Waits until {@code nanoTime}. Parking wakes 50-150 µs late; the earlier bytes' lateness does not
     * add up (each has its own absolute time), but the last byte's would lengthen the exchange the
     * gateway is measured on, so its final stretch is spun.
     */
    private void sleepUntil(long nanoTime, boolean precise) throws InterruptedException {
        long left;
        while (running && (left = nanoTime - System.nanoTime()) > 0) {
            if (!precise) {
                LockSupport.parkNanos(left);
            } else if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
