package dev.harbor.app.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway as a separate JVM, started the way an operator starts it: configured by environment. */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread errorReader;

    private GatewayProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "gateway-output");
        reader.setDaemon(true);
        reader.start();
        errorReader = new Thread(this::readErrors, "gateway-errors");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    static GatewayProcess start(Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), "dev.harbor.app.cli.HarborCommand")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().putAll(environment);
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", "0");
        return new GatewayProcess(builder.start());
    }

    /**
     * The gateway as an operator starts it, in {@code workDir}: standard error kept apart from the
     * log, and {@code environment} taken as given (HTTP on 127.0.0.1 and any free port unless it
     * says otherwise).
     */
    static GatewayProcess startIn(Path workDir, Map<String, String> environment, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "dev.harbor.app.cli.HarborCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", "0");
        builder.environment().putAll(environment);
        return new GatewayProcess(builder.start());
    }

    /** Waits until the gateway answers HTTP; fails with its output if it does not start. */
    int awaitPort(Duration timeout) throws Exception {
        try {
            return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(
                    "the gateway did not start within " + timeout + "; it printed:\n" + String.join("\n", output), e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, exactly what a power cut leaves behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the orderly stop. */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the gateway did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself. @return whether it ended within {@code timeout} */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** What it wrote to standard error (empty when started with {@link #start}, which merges it into the output). */
    List<String> errors() throws InterruptedException {
        errorReader.join(10_000);
        return List.copyOf(errors);
    }

    private void readErrors() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                errors.add(line);
            }
        } catch (IOException e) {
            errors.add("(standard error closed: " + e.getMessage() + ")");
        }
    }

    private void readOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    port.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        } finally {
            port.completeExceptionally(new IllegalStateException("the gateway exited at " + Instant.now()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
