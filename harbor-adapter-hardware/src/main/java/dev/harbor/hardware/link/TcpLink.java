package dev.harbor.hardware.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A bus behind a TCP socket: a serial-to-Ethernet bridge or a board with a network port. */
final class TcpLink implements BusLink {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    TcpLink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public void open(long timeoutNanos) throws IOException {
        Socket candidate = new Socket();
        try {
            candidate.setTcpNoDelay(true);
            candidate.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeoutNanos / 1_000_000));
        } catch (IOException e) {
            candidate.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        socket = candidate;
        in = candidate.getInputStream();
        out = candidate.getOutputStream();
    }

    @Override
    public boolean isOpen() {
        return socket != null;
    }

    @Override
    public void discardInput() throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            in.skipNBytes(available);
        }
    }

    @Override
    public void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    @Override
    public int read(byte[] into, int offset, int max, long maxNanos) throws IOException {
        socket.setSoTimeout((int) Math.max(1, maxNanos / 1_000_000));
        try {
            int read = in.read(into, offset, max);
            if (read < 0) {
                throw new IOException("connection to " + host + ":" + port + " closed by the board");
            }
            return read;
        } catch (SocketTimeoutException quiet) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
