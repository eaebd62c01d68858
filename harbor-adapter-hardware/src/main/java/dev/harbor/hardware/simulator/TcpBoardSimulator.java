package dev.harbor.hardware.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves a {@link SimulatedBus} on a TCP port, as a serial-to-Ethernet bridge or a networked board
 * does. Each connection gets its own session; a reconnecting gateway starts afresh.
 */
public final class TcpBoardSimulator implements AutoCloseable {

    private final SimulatedBus bus;
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TcpBoardSimulator(SimulatedBus bus, ServerSocket server) {
        this.bus = bus;
        this.server = server;
        this.acceptor = new Thread(this::accept, "harbor-sim-tcp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code bindAddress:port}; port 0 picks a free port (see {@link #port()}). */
    public static TcpBoardSimulator start(SimulatedBus bus, InetAddress bindAddress, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bindAddress, port));
        return new TcpBoardSimulator(bus, server);
    }

    /** Listens on 127.0.0.1 only. */
    public static TcpBoardSimulator startOnLoopback(SimulatedBus bus, int port) throws IOException {
        return start(bus, InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return server.getLocalPort();
    }

    public SimulatedBus bus() {
        return bus;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(100);
                connections.add(socket);
                LineSession.start(bus, new SocketLine(socket), "harbor-sim-tcp-" + socket.getPort());
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(SocketLine::closeQuietly);
    }

    private static final class SocketLine implements BoardLine {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketLine(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public int read(byte[] into, int offset, int max) throws IOException {
            try {
                return in.read(into, offset, max);
            } catch (SocketTimeoutException quiet) {
                return 0;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            out.write(bytes, offset, count);
            out.flush();
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }

        static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
