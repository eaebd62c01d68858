package dev.harbor.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own parser and linter of the text format, {@code promtool check metrics} (Debian's
 * {@code prometheus} package). A test that needs it fails, not skips, when it is missing.
 */
public final class Promtool {

    private Promtool() {}

    public static Path find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("promtool is not on the PATH: the metrics test checks GET /metrics with Prometheus's own parser. "
                + "Install Debian's prometheus package (apt-get install prometheus), as .ci/run does.");
    }

    /**
     * Two names of Micrometer's own JVM binders break promtool's naming lint (an abbreviated unit, a
     * {@code _count} suffix on a gauge). They are kept as Micrometer names them, because the usual
     * JVM dashboards query them by those names; any other lint complaint fails the check.
     */
    private static final List<String> TOLERATED_LINT = List.of(
            "process_cpu_time_ns_total metric names should not contain abbreviated units",
            "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix");

    /** Promtool's exit status for an exposition that parses but has lint problems. */
    private static final int LINT_PROBLEMS = 3;

    /**
     * Asserts that promtool parses the exposition (a syntax error is exit status 1) and finds no
     * lint problem other than the tolerated ones.
     */
    public static void check(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(find().toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        if (process.exitValue() == LINT_PROBLEMS) {
            assertThat(output.lines().filter(line -> !line.isBlank()))
                    .as("promtool check metrics found lint problems:%n%s", output)
                    .isSubsetOf(TOLERATED_LINT);
            return;
        }
        assertThat(process.exitValue())
                .as("promtool check metrics said:%n%s", output)
                .isZero();
    }
}
