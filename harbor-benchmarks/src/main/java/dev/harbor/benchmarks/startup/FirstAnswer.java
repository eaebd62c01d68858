package dev.harbor.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start to first answered request of one launch: starts a command that listens on 127.0.0.1 and
 * the port given in {@code HARBOR_HTTP_PORT}, polls {@code GET /health} every 2 ms (a new
 * connection each time) until it answers 200, and measures from just before the process is
 * started. Then it stops the process with SIGTERM (the gateway's orderly stop) and waits for it.
 */
public final class FirstAnswer {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param command     the command line, the program first
     * @param environment added to this process's environment ({@code HARBOR_HTTP_*} are set here)
     * @param log         where the process's standard output and error go
     */
    public record Launch(List<String> command, Map<String, String> environment, Path log) {}

    /**
     * @param answeredMs milliseconds from the launch to the first 200
     * @param cpuMs      CPU time (user + system, every thread) the process and its children had
     *                   used by then: less sensitive than the wall time to other load on the machine
     */
    public record Run(double answeredMs, double cpuMs) {}

    /** What to do with the started process once it has answered, before it is stopped. */
    @FunctionalInterface
    public interface AfterAnswer {
        void use(int port) throws IOException;
    }

    private FirstAnswer() {}

    public static Run measure(Launch launch) throws IOException, InterruptedException {
        return measure(launch, port -> {});
    }

    public static Run measure(Launch launch, AfterAnswer after) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .redirectErrorStream(true)
                .redirectOutput(launch.log().toFile());
        builder.environment().putAll(launch.environment());
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            launch.command().get(0) + " exited with " + process.exitValue() + "; see " + launch.log());
                }
                if (System.nanoTime() - start > GIVE_UP_NANOS) {
                    throw new IllegalStateException("no 200 from /health within 60 s; see " + launch.log());
                }
                if (status(port, "/health") == 200) {
                    double answered = (System.nanoTime() - start) / 1e6;
                    double cpu = cpuMillis(process.toHandle());
                    after.use(port);
                    return new Run(answered, cpu);
                }
                Thread.sleep(2);
            }
        } finally {
            stop(process);
        }
    }

    /** The status of {@code GET path} on a new connection; 0 when nothing answers (yet). */
    public static int status(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                statusLine.append((char) b);
            }
            String[] parts = statusLine.toString().split(" ");
            int status = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            in.transferTo(OutputStream.nullOutputStream());
            return status;
        } catch (IOException | NumberFormatException notYet) {
            return 0;
        }
    }

    private static double cpuMillis(ProcessHandle process) {
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total.toNanos() / 1e6;
    }

    /** SIGTERM to the process and its children (a launcher script may not exec), then waits. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                child.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
