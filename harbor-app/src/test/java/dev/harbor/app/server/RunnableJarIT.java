package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as built: {@code java -jar harbor-app.jar} with nothing configured
 * starts a gateway that serves the demo lockers, and stops cleanly on SIGTERM.
 */
class RunnableJarIT {

    @TempDir
    Path workDir;

    @Test
    void the_shaded_jar_starts_a_demo_gateway_and_stops_cleanly_on_sigterm() throws Exception {
        Path jar = Path.of(System.getProperty("harbor.jar"));
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", "0");
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern listening = Pattern.compile("listening on [^:]+:(\\d+)");
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher matcher = listening.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("exited"));
        });
        reader.start();
        try {
            int chosen;
            try {
                chosen = port.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the jar did not start: " + output, e);
            }
            Json client = new Json(chosen);
            assertThat(client.get("/lockers").body().size()).isEqualTo(32);
            assertThat(client.get("/openapi.json").status()).isEqualTo(200);
            assertThat(Files.exists(workDir.resolve("data").resolve("harbor.db")))
                    .as("the default data folder is ./data")
                    .isTrue();

            // SIGTERM through the handle: Process.destroy() would also close the pipe we read the log from.
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped after SIGTERM")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("an orderly stop, not a death by signal (143)")
                    .isZero();
            reader.join(5_000);
            synchronized (output) {
                assertThat(output).anyMatch(line -> line.contains("Harbor stopped"));
                assertThat(output).noneMatch(line -> line.contains("Exception"));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void the_shaded_jar_checks_a_configuration_without_creating_anything() throws Exception {
        Path jar = Path.of(System.getProperty("harbor.jar"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "check-config")
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().put("HARBOR_HTTP_PORT", "eighty");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("HARBOR_HTTP_PORT: not a whole number: eighty");
        try (var files = Files.list(workDir)) {
            assertThat(files).as("nothing created").isEmpty();
        }
    }
}
