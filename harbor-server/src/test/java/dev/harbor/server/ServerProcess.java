package dev.harbor.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway started as an operator starts it (the runnable jar, or the package's launcher), with
 * nothing but {@code environment} configured, on 127.0.0.1 and a free port.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;
    private final Thread errorReader;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    readLines(process.getInputStream(), this::outputLine);
                    port.completeExceptionally(new IllegalStateException("the process ended"));
                },
                "server-output");
        reader.setDaemon(true);
        reader.start();
        this.errorReader = new Thread(
                () -> readLines(process.getErrorStream(), line -> {
                    synchronized (errors) {
                        errors.add(line);
                    }
                }),
                "server-errors");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    static ServerProcess start(Path workDir, Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", "0");
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start());
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    int awaitPort() {
        try {
            return port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the gateway did not start; it printed:\n" + printed(), e);
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + awaitPort() + path))
                .timeout(Duration.ofSeconds(30))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * SIGTERM, as systemd and Ctrl-C stop it, and the exit status. {@code Process.destroy()} would
     * also close the pipe the log is read from.
     */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 30 s after SIGTERM:\n" + printed());
        }
        reader.join(5_000);
        errorReader.join(5_000);
        return process.exitValue();
    }

    /** Waits for a process that is expected to end by itself, and gives its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after 60 s:\n" + printed());
        }
        reader.join(5_000);
        errorReader.join(5_000);
        return process.exitValue();
    }

    /** The lines written to standard output: the gateway's log. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** The lines written to standard error: the launcher's and the JVM's own messages. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    String printed() {
        return String.join("\n", output()) + "\n--- standard error:\n" + String.join("\n", errors());
    }

    private void outputLine(String line) {
        synchronized (output) {
            output.add(line);
        }
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
            port.complete(Integer.parseInt(matcher.group(1)));
        }
    }

    /** Hands every line of {@code stream} to {@code sink} until the process closes it. */
    private void readLines(InputStream stream, Consumer<String> sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                sink.accept(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
