package dev.harbor.hardware.simulator;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * Serves a {@link SimulatedBus} on a serial device, typically the board side of a pty pair made by
 * {@link SocatPtyPair}, while the gateway opens the other side.
 */
public final class SerialBoardSimulator implements AutoCloseable {

    private final SerialPort port;
    private final LineSession session;
    private final Thread thread;

    private SerialBoardSimulator(SerialPort port, SimulatedBus bus) {
        this.port = port;
        this.session = new LineSession(bus, new SerialLine(port));
        this.thread = new Thread(session, "harbor-sim-serial-" + port.getSystemPortName());
        thread.setDaemon(true);
        thread.start();
    }

    public static SerialBoardSimulator open(SimulatedBus bus, String devicePath, int baudRate) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(devicePath);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial device at " + devicePath, e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + devicePath + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialBoardSimulator(port, bus);
    }

    @Override
    public void close() throws InterruptedException {
        session.stop();
        thread.join(1_000);
        port.closePort();
    }

    private static final class SerialLine implements BoardLine {
        private final SerialPort port;

        SerialLine(SerialPort port) {
            this.port = port;
        }

        @Override
        public int read(byte[] into, int offset, int max) {
            return port.readBytes(into, max, offset);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            if (port.writeBytes(bytes, count, offset) != count) {
                throw new IOException("serial write failed on " + port.getSystemPortPath());
            }
        }

        @Override
        public void close() {
            // the owner closes the port after stopping the session
        }
    }
}
