package dev.harbor.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The JVM's own floor for "start to first answer": a hello-world main that listens where the
 * gateway would ({@code HARBOR_HTTP_HOST}, {@code HARBOR_HTTP_PORT}) and answers every request
 * with 200, using nothing but {@code java.net}. {@link StartupComparison} starts it as
 * {@code java -cp <the gateway's jar>:<these classes> StartupFloor}: the jar comes first on the
 * class path, so the JVM opens it and searches it for this class as it opens it for the gateway,
 * and the product jar needs no extra class. It runs until it is stopped.
 */
public final class StartupFloor {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"UP\"}")
            .getBytes(StandardCharsets.US_ASCII);

    private StartupFloor() {}

    public static void main(String[] args) throws IOException {
        String host = System.getenv().getOrDefault("HARBOR_HTTP_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("HARBOR_HTTP_PORT", "8080"));
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName(host))) {
            while (true) {
                try (Socket client = server.accept()) {
                    readHead(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    out.write(ANSWER);
                    out.flush();
                } catch (IOException dropped) {
                    // the poller gave up on this connection: serve the next one
                }
            }
        }
    }

    /** Reads up to the blank line that ends the request's head (GET requests have no body). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
