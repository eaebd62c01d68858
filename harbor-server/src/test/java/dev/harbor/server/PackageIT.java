package dev.harbor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harbor-VERSION.tar.gz} as an operator uses it: unpacked, {@code bin/harbor} finds Java,
 * checks the shipped configuration examples, serves, stops on SIGTERM, and starts the second time
 * from the class-data-sharing archive the first run recorded.
 */
class PackageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Path home;

    @BeforeEach
    void unpack() throws Exception {
        home = Unpacked.into(root);
    }

    @Test
    void the_package_holds_the_launcher_the_jar_the_configuration_examples_and_the_unit() {
        assertThat(home.getFileName().toString()).startsWith("harbor-");
        assertThat(home.resolve("bin/harbor")).isExecutable();
        assertThat(home.resolve("lib/harbor.jar")).isRegularFile();
        assertThat(home.resolve("conf/harbor.properties")).isRegularFile();
        assertThat(home.resolve("conf/layout.json")).isRegularFile();
        assertThat(home.resolve("systemd/harbor.service")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
    }

    @Test
    void the_shipped_configuration_and_layout_pass_the_check() throws Exception {
        try (ServerProcess check = ServerProcess.start(
                root,
                Map.of(
                        "HARBOR_CONFIG_FILE",
                                home.resolve("conf/harbor.properties").toString(),
                        // The file names /etc/harbor/layout.json, where the README installs it.
                        "HARBOR_LAYOUT_FILE", home.resolve("conf/layout.json").toString(),
                        "HARBOR_DATA_DIR", root.resolve("data").toString()),
                List.of(home.resolve("bin/harbor").toString(), "check-config"))) {
            assertThat(check.awaitExit()).as(check.printed()).isZero();
        }
    }

    @Test
    void the_launcher_serves_stops_on_sigterm_and_starts_again_from_its_class_data_archive() throws Exception {
        Path cache = root.resolve("cache");
        Map<String, String> environment = Map.of(
                "HARBOR_DATA_DIR", root.resolve("data").toString(),
                "HARBOR_CDS_DIR", cache.toString(),
                "HARBOR_LOG_FORMAT", "json");
        try (ServerProcess first = ServerProcess.start(
                root, environment, List.of(home.resolve("bin/harbor").toString()))) {
            assertThat(first.get("/health").statusCode()).isEqualTo(200);
            assertThat(first.stop()).as(first.printed()).isZero();
            for (String line : first.output()) {
                assertThat(JSON.readTree(line).has("message"))
                        .as("standard output holds JSON log lines only, also while the archive is recorded: " + line)
                        .isTrue();
            }
        }
        assertThat(archives(cache)).as("the first run recorded its classes").hasSize(1);

        // -Xshare:on after the launcher's options: the JVM refuses to start unless it maps the archive.
        Map<String, String> again = new HashMap<>(environment);
        again.put("HARBOR_JAVA_OPTS", "-Xshare:on");
        try (ServerProcess second = ServerProcess.start(
                root, again, List.of(home.resolve("bin/harbor").toString(), "serve"))) {
            assertThat(second.get("/lockers").statusCode()).as(second.printed()).isEqualTo(200);
            assertThat(second.stop()).isZero();
        }
        assertThat(Files.exists(root.resolve("data/harbor.db"))).isTrue();
    }

    @Test
    void a_serve_that_fails_to_start_or_a_help_run_records_no_class_data_archive() throws Exception {
        Path cache = root.resolve("cache");
        try (ServerProcess failed = ServerProcess.start(
                root,
                Map.of("HARBOR_CDS_DIR", cache.toString(), "HARBOR_HTTP_PORT", "eighty"),
                List.of(home.resolve("bin/harbor").toString()))) {
            assertThat(failed.awaitExit()).as(failed.printed()).isEqualTo(2);
        }
        try (ServerProcess help = ServerProcess.start(
                root,
                Map.of("HARBOR_CDS_DIR", cache.toString()),
                List.of(home.resolve("bin/harbor").toString(), "--help"))) {
            assertThat(help.awaitExit()).as(help.printed()).isZero();
        }

        assertThat(Files.exists(cache) ? archives(cache) : List.of())
                .as("an archive of a failed start would serve every later start")
                .isEmpty();
        try (Stream<Path> files = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            assertThat(files).as("no recording left behind").isEmpty();
        }
    }

    @Test
    void the_launcher_refuses_a_java_older_than_17_and_says_so() throws Exception {
        Path oldJava = root.resolve("jdk-11");
        Files.createDirectories(oldJava.resolve("bin"));
        Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = oldJava.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'this Java must not be started' >&2\nexit 99\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        ProcessBuilder withOldJava = new ProcessBuilder(
                        home.resolve("bin/harbor").toString())
                .redirectErrorStream(true)
                .directory(root.toFile());
        withOldJava.environment().put("JAVA_HOME", oldJava.toString());
        Process refused = withOldJava.start();
        String said = new String(refused.getInputStream().readAllBytes());
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(refused.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("Java 11.0.2").contains("needs Java 17 or newer");
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .toList();
        }
    }
}
