package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.testing.TestDatabases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot succeed, run as an operator runs it (its own JVM): one line on standard
 * error saying what and what to do, the documented exit status, no stack trace, and nothing left
 * on disk. And SIGTERM, the orderly stop, ends with status 0.
 */
class StartupFailureProcessTest {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private Path dataDir() {
        return work.resolve("data");
    }

    private GatewayProcess failed(Map<String, String> environment) throws Exception {
        GatewayProcess gateway = GatewayProcess.startIn(work, environment);
        assertThat(gateway.awaitExit(EXIT)).as("ended by itself").isTrue();
        return gateway;
    }

    private static void assertNoStackTrace(GatewayProcess gateway) throws Exception {
        assertThat(Stream.concat(gateway.errors().stream(), gateway.output().stream()))
                .noneMatch(
                        line -> line.contains("\tat ") || line.contains("at dev.harbor") || line.contains("Exception"));
    }

    private void assertNothingCreated() throws Exception {
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing created in the working folder")
                    .doesNotContain("data");
        }
    }

    @Test
    void an_http_port_in_use_exits_4_with_one_line_and_creates_nothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            GatewayProcess gateway = failed(Map.of(
                    "HARBOR_DATA_DIR", dataDir().toString(),
                    "HARBOR_HTTP_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(gateway.exitValue()).isEqualTo(4);
            assertThat(gateway.errors())
                    .containsExactly("Harbor cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": the port is in use by another program. Stop that program or set HARBOR_HTTP_PORT to a"
                            + " free port.");
            assertNoStackTrace(gateway);
        }
        assertNothingCreated();
    }

    @Test
    void an_unreachable_postgresql_exits_3_with_one_line_naming_it_and_creates_nothing() throws Exception {
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            unused = probe.getLocalPort();
        }
        GatewayProcess gateway = failed(Map.of(
                "HARBOR_DATA_DIR",
                dataDir().toString(),
                "HARBOR_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + unused + "/test?user=postgres"));

        assertThat(gateway.exitValue()).isEqualTo(3);
        assertThat(gateway.errors())
                .singleElement()
                .asString()
                .startsWith("Harbor cannot reach PostgreSQL at postgresql://127.0.0.1:" + unused + "/test")
                .endsWith("Check that PostgreSQL is running and that HARBOR_DB_URL names its host and port.");
        assertNoStackTrace(gateway);
        assertNothingCreated();
    }

    @Tag("postgres")
    @Test
    void an_unknown_postgresql_role_exits_3_with_one_line_saying_which_variables_to_check() throws Exception {
        String url = TestDatabases.URL.split("\\?", 2)[0] + "?user=harbor_no_such_role";
        GatewayProcess gateway = failed(Map.of("HARBOR_DATA_DIR", dataDir().toString(), "HARBOR_DB_URL", url));

        assertThat(gateway.exitValue()).isEqualTo(3);
        assertThat(gateway.errors())
                .singleElement()
                .asString()
                .contains("refused the login")
                .contains("harbor_no_such_role")
                .endsWith("Check HARBOR_DB_USER and HARBOR_DB_PASSWORD (or the user in HARBOR_DB_URL).");
        assertNoStackTrace(gateway);
        assertNothingCreated();
    }

    @Test
    void a_data_directory_under_a_regular_file_exits_5_with_one_line() throws Exception {
        Path file = work.resolve("not-a-folder");
        Files.writeString(file, "");
        GatewayProcess gateway =
                failed(Map.of("HARBOR_DATA_DIR", file.resolve("data").toString()));

        assertThat(gateway.exitValue()).isEqualTo(5);
        assertThat(gateway.errors())
                .singleElement()
                .asString()
                .startsWith("Harbor cannot use its data directory: " + file.resolve("data") + " cannot be created")
                .contains("Set HARBOR_DATA_DIR");
        assertNoStackTrace(gateway);
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void an_invalid_layout_exits_2_naming_the_file_and_the_place_and_creates_nothing() throws Exception {
        Path layout = work.resolve("layout.json");
        Files.writeString(layout, """
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small"] } ],
                  "controllers": [ { "name": "Wall", "protocol": "kerong-cu48", "bankType": "One", "boardAdress": 4,
                                     "transport": { "type": "simulated", "bus": "a" } } ] }
                """);
        GatewayProcess gateway =
                failed(Map.of("HARBOR_DATA_DIR", dataDir().toString(), "HARBOR_LAYOUT_FILE", layout.toString()));

        assertThat(gateway.exitValue()).isEqualTo(2);
        assertThat(gateway.errors())
                .containsExactly(
                        "Harbor cannot start: 2 problems in the configuration or layout (nothing was started or created):",
                        "  - the layout file " + layout
                                + ", line 3, column 84 (controllers[0].boardAdress): unknown key; did you mean \"boardAddress\"?",
                        "  - the layout file " + layout
                                + ", line 3, column 20 (controllers[0].boardAddress): boardAddress is required");
        assertNoStackTrace(gateway);
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(layout);
        }
    }

    @Test
    void sigterm_stops_the_gateway_in_order_with_exit_status_0() throws Exception {
        try (GatewayProcess gateway =
                GatewayProcess.startIn(work, Map.of("HARBOR_DATA_DIR", dataDir().toString()))) {
            gateway.awaitPort(Duration.ofSeconds(60));

            int status = gateway.stop(Duration.ofSeconds(30));

            assertThat(status).isZero();
            List<String> output = gateway.output();
            assertThat(output).anyMatch(line -> line.contains("Harbor stopped"));
        }
    }

    @Test
    void debug_shows_the_stack_trace_that_info_keeps_out_of_the_way() throws Exception {
        Path file = work.resolve("not-a-folder");
        Files.writeString(file, "");
        GatewayProcess gateway =
                failed(Map.of("HARBOR_DATA_DIR", file.resolve("data").toString(), "HARBOR_LOG_LEVEL", "DEBUG"));

        assertThat(gateway.exitValue()).isEqualTo(5);
        assertThat(gateway.errors()).hasSize(1);
        assertThat(gateway.output()).anyMatch(line -> line.contains("\tat dev.harbor"));
    }
}
