package dev.harbor.hardware.simulator;

import dev.harbor.hardware.link.BusLink;
import java.io.IOException;

/** A bus of simulated boards inside this JVM: the same bytes as a real line, without a device. */
final class InProcessLink implements BusLink {

    private final SimulatedBus bus;
    private InProcessLine line;

    InProcessLink(SimulatedBus bus) {
        this.bus = bus;
    }

    @Override
    public String describe() {
        return "simulated bus " + bus.name();
    }

    @Override
    public void open(long timeoutNanos) {
        line = bus.connectInProcess();
    }

    @Override
    public boolean isOpen() {
        return line != null;
    }

    @Override
    public void discardInput() {
        line.discardInput();
    }

    @Override
    public void write(byte[] frame) {
        line.write(frame, 0, frame.length);
    }

    @Override
    public int read(byte[] into, int offset, int max, long maxNanos) throws IOException {
        try {
            int read = line.read(into, offset, max, maxNanos);
            if (read < 0) {
                throw new IOException("simulated bus " + bus.name() + " closed");
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
