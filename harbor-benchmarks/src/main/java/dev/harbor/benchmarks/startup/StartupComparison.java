package dev.harbor.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start to first answered {@code GET /health}, each figure beside the JVM's own floor measured in
 * the same run: the floor ({@link StartupFloor}, a hello-world from the same jar), plain
 * {@code java -jar}, {@code java -jar} with a class-data-sharing archive made by a training run
 * of the same jar, and, when given, the packaged launcher {@code bin/harbor}. The variants take
 * turns, round after round, so a change of load on the machine touches them all alike.
 *
 * <p>Each variant has its own data directory: its first run creates it (the migrations run) and is
 * reported apart; the figure is the median of the runs after it (restarts on existing storage).
 * The ratio is the median of each round's time divided by the floor's time in the same round.
 * Not a test: {@code harbor-benchmarks/run-startup-benchmark.sh} runs it.
 *
 * <p>System properties: {@code bench.jar} (required), {@code bench.work} (required: logs, data
 * directories and the archive go there), {@code bench.runs} (7 restarts after the first start),
 * {@code bench.package} (an unpacked {@code harbor-<version>} directory with {@code bin/harbor}),
 * {@code bench.jvmArgs} (options for every {@code java} variant, separated by spaces).
 */
public final class StartupComparison {

    private static final String JAR = System.getProperty("bench.jar");
    private static final String WORK = System.getProperty("bench.work");
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final String PACKAGE = System.getProperty("bench.package", "");
    private static final List<String> JVM_ARGS = Arrays.stream(
                    System.getProperty("bench.jvmArgs", "").split(" "))
            .filter(a -> !a.isBlank())
            .toList();
    private static final double PLAIN_TARGET_MS = 1_500;
    private static final double PACKAGED_TARGET_MS = 1_000;

    /** One way of starting; {@code targetMs} is NaN for the floor. */
    private record Variant(String name, List<String> command, double targetMs) {}

    private StartupComparison() {}

    public static void main(String[] args) throws Exception {
        if (JAR == null || !Files.isReadable(Path.of(JAR)) || WORK == null) {
            System.err.println("usage: java -Dbench.jar=<runnable jar> -Dbench.work=<directory> [-Dbench.runs=7]"
                    + " [-Dbench.package=<harbor-version directory>] " + StartupComparison.class.getName());
            System.exit(2);
        }
        Path work = Files.createDirectories(Path.of(WORK));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = work.resolve("harbor.jsa");

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(
                "floor: hello-world from the jar",
                java(java, List.of("-cp", JAR + File.pathSeparator + ownClasses(), StartupFloor.class.getName())),
                Double.NaN));
        variants.add(new Variant("java -jar", java(java, List.of("-jar", JAR)), PLAIN_TARGET_MS));
        if (train(java, archive, work)) {
            variants.add(new Variant(
                    "java -jar, CDS archive",
                    java(java, List.of("-XX:SharedArchiveFile=" + archive, "-jar", JAR)),
                    PACKAGED_TARGET_MS));
        }
        if (!PACKAGE.isBlank()) {
            Path launcher = Path.of(PACKAGE, "bin", "harbor");
            if (!Files.isExecutable(launcher)) {
                throw new IllegalArgumentException(launcher + " is not an executable file");
            }
            variants.add(new Variant("bin/harbor (package)", List.of(launcher.toString()), PACKAGED_TARGET_MS));
        }

        System.out.printf(
                "start to first answered GET /health: %d rounds (a first start, then %d restarts), variants in turn;"
                        + " %s, %d cores, load average %.1f%n",
                RUNS + 1,
                RUNS,
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        for (Variant variant : variants) {
            System.out.printf("  %-32s %s%n", variant.name(), String.join(" ", variant.command()));
        }
        double[][] wall = new double[variants.size()][RUNS + 1];
        double[][] cpu = new double[variants.size()][RUNS + 1];
        for (int round = 0; round <= RUNS; round++) {
            StringBuilder line =
                    new StringBuilder(String.format("  round %d%s:", round, round == 0 ? " (first start)" : ""));
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                FirstAnswer.Run run = FirstAnswer.measure(new FirstAnswer.Launch(
                        variant.command(),
                        Map.of("HARBOR_DATA_DIR", work.resolve("data-" + v).toString()),
                        work.resolve("variant-" + v + "-run-" + round + ".log")));
                wall[v][round] = run.answeredMs();
                cpu[v][round] = run.cpuMs();
                line.append(String.format(" %.0f", run.answeredMs()));
            }
            System.out.println(line.append(" ms"));
        }

        System.out.printf("%nload average at the end %.1f; restarts (rounds 1-%d):%n", loadAverage(), RUNS);
        System.out.printf(
                "| %-32s | %9s | %-15s | %9s | %11s | %-10s | %-8s | %-18s |%n",
                "variant", "median", "min-max", "CPU", "first start", "× floor", "target", "");
        System.out.println("|" + "-".repeat(34) + "|" + "-".repeat(11) + "|" + "-".repeat(17) + "|" + "-".repeat(11)
                + "|" + "-".repeat(13) + "|" + "-".repeat(12) + "|" + "-".repeat(10) + "|" + "-".repeat(20) + "|");
        StringBuilder result = new StringBuilder("RESULT");
        String[] keys = {"floor", "plain", "cds", "package"};
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            double[] restarts = Arrays.copyOfRange(wall[v], 1, RUNS + 1);
            double median = median(restarts);
            double[] ratios = new double[RUNS];
            for (int r = 1; r <= RUNS; r++) {
                ratios[r - 1] = wall[v][r] / wall[0][r];
            }
            double ratio = median(ratios);
            String verdict = Double.isNaN(variant.targetMs())
                    ? ""
                    : median <= variant.targetMs()
                            ? "met"
                            : String.format("missed by %,.0f ms", median - variant.targetMs());
            System.out.printf(
                    "| %-32s | %,6.0f ms | %,5.0f-%,5.0f ms | %,6.0f ms | %,8.0f ms | %-10s | %-8s | %-18s |%n",
                    variant.name(),
                    median,
                    Arrays.stream(restarts).min().orElse(Double.NaN),
                    Arrays.stream(restarts).max().orElse(Double.NaN),
                    median(Arrays.copyOfRange(cpu[v], 1, RUNS + 1)),
                    wall[v][0],
                    v == 0 ? "1" : String.format(Locale.ROOT, "%.1f", ratio),
                    Double.isNaN(variant.targetMs()) ? "" : String.format("≤ %,.0f ms", variant.targetMs()),
                    verdict);
            String key = variant.name().startsWith("floor")
                    ? keys[0]
                    : variant.name().startsWith("bin/")
                            ? keys[3]
                            : variant.name().contains("CDS") ? keys[2] : keys[1];
            result.append(String.format(Locale.ROOT, " %s_ms=%.0f %s_ratio=%.2f", key, median, key, ratio));
        }
        System.out.println("CPU: user + system time of the process (all its threads) when the first 200 arrived.");
        System.out.println(result);
    }

    private static List<String> java(String java, List<String> rest) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_ARGS);
        command.addAll(rest);
        return command;
    }

    /**
     * Makes the class-data-sharing archive the way a package would: one start of the jar with
     * {@code -XX:ArchiveClassesAtExit}, a few reads once it answers, then SIGTERM (the archive is
     * written as the JVM exits). Then checks the JVM accepts it ({@code -Xshare:on} refuses to
     * start otherwise). False, with the reason, when it does not.
     */
    private static boolean train(String java, Path archive, Path work) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        FirstAnswer.Run run = FirstAnswer.measure(
                new FirstAnswer.Launch(
                        java(java, List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", JAR)),
                        Map.of("HARBOR_DATA_DIR", work.resolve("data-training").toString()),
                        work.resolve("training.log")),
                port -> {
                    for (String path : List.of("/lockers", "/lockers/1", "/system", "/health")) {
                        FirstAnswer.status(port, path);
                    }
                });
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            System.out.println("no CDS archive was written by the training run; see " + work.resolve("training.log"));
            return false;
        }
        Process check = new ProcessBuilder(
                        java(java, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", JAR, "--version")))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("archive-check.log").toFile())
                .start();
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            System.out.println("the JVM refuses the CDS archive; see " + work.resolve("archive-check.log"));
            return false;
        }
        System.out.printf(
                "CDS archive: %s, %.0f MB, from a training run that answered after %.0f ms%n",
                archive, Files.size(archive) / 1e6, run.answeredMs());
        return true;
    }

    private static String ownClasses() throws URISyntaxException {
        return Path.of(StartupFloor.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
