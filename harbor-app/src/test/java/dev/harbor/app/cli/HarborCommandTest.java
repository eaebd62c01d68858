package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's command line, run in this JVM through picocli with its output captured. */
class HarborCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine line = HarborCommand.commandLine(environment, false);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HARBOR_DATA_DIR", dir.resolve("data").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    @Test
    void help_lists_the_commands_and_the_exit_statuses() {
        assertThat(run(environment(), "--help")).isZero();

        assertThat(out.toString())
                .contains("serve", "check-config", "backup", "simulate-board", "Exit statuses:", "3", "the database");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void version_prints_harbor_and_its_version() {
        assertThat(run(environment(), "--version")).isZero();

        assertThat(out.toString()).startsWith("Harbor ");
    }

    @Test
    void an_unknown_option_is_one_line_and_the_synopsis_with_status_2() {
        assertThat(run(environment(), "--bogus")).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("harbor: Unknown option: '--bogus'")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void check_config_accepts_a_valid_configuration_and_says_what_it_read() {
        assertThat(run(environment("HARBOR_HTTP_PORT", "9090"), "check-config")).isZero();

        assertThat(out.toString())
                .contains("The configuration is valid", "httpPort=9090", "the demo layout", "2 controllers");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing created").isFalse();
    }

    @Test
    void check_config_lists_every_problem_of_configuration_and_layout_with_status_1_and_creates_nothing()
            throws Exception {
        Path layout = dir.resolve("layout.json");
        Files.writeString(layout, """
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small"] } ],
                  "controllers": [ { "name": "Wall", "protocol": "kerong-cu48", "bankType": "One", "boardAdress": 4,
                                     "transport": { "type": "tcp", "host": "127.0.0.1", "prot": 5001 } } ] }
                """);
        Path config = dir.resolve("harbor.properties");
        Files.writeString(config, "HARBOR_HTTP_PROT=9090\nHARBOR_LAYOUT_FILE=" + layout + "\n");

        int status =
                run(environment("HARBOR_CONFIG_FILE", config.toString(), "HARBOR_LOG_LEVEL", "loud"), "check-config");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("4 problems in the configuration or layout")
                .contains("HARBOR_HTTP_PROT (" + config + ", line 1): unknown key; did you mean HARBOR_HTTP_PORT?")
                .contains("HARBOR_LOG_LEVEL: must be one of")
                .contains("the layout file " + layout + ", line 3, column 84 (controllers[0].boardAdress)")
                .contains("the layout file " + layout + ", line 4, column 73 (controllers[0].transport.prot)")
                .doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing created").isFalse();
    }

    @Test
    void check_config_warns_about_an_unknown_harbor_variable_and_still_passes() {
        assertThat(run(environment("HARBOR_HTTP_PROT", "9090"), "check-config")).isZero();

        assertThat(err.toString())
                .contains("warning: HARBOR_HTTP_PROT is set in the environment but is not a Harbor variable;"
                        + " did you mean HARBOR_HTTP_PORT?");
    }

    @Test
    void serve_with_an_invalid_configuration_returns_2_with_one_message_and_creates_nothing() {
        assertThat(run(environment("HARBOR_HTTP_PORT", "eighty"), "serve")).isEqualTo(2);

        assertThat(err.toString().lines())
                .containsExactly(
                        "Harbor cannot start: 1 problem in the configuration or layout (nothing was started or created):",
                        "  - HARBOR_HTTP_PORT: not a whole number: eighty");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void without_a_command_it_serves_so_an_invalid_configuration_stops_it_the_same_way() {
        assertThat(run(environment("HARBOR_HTTP_PORT", "eighty"))).isEqualTo(2);

        assertThat(err.toString()).startsWith("Harbor cannot start: 1 problem in the configuration or layout");
    }

    @Test
    void serving_as_the_jar_does_without_picocli_answers_exactly_as_through_picocli() {
        for (String[] args : new String[][] {{}, {"serve"}}) {
            StringWriter direct = new StringWriter();
            err.getBuffer().setLength(0);

            int viaPicocli = run(environment("HARBOR_HTTP_PORT", "eighty"), args);
            int withoutPicocli = HarborCommand.run(
                    environment("HARBOR_HTTP_PORT", "eighty"), false, new PrintWriter(direct, true), args);

            assertThat(withoutPicocli)
                    .as(String.join(" ", args))
                    .isEqualTo(viaPicocli)
                    .isEqualTo(2);
            assertThat(direct.toString()).as(String.join(" ", args)).isEqualTo(err.toString());
        }
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void the_jars_own_entry_still_gives_every_other_command_line_to_picocli() {
        StringWriter direct = new StringWriter();

        assertThat(HarborCommand.run(environment(), false, new PrintWriter(direct, true), "--bogus"))
                .isEqualTo(2);

        assertThat(direct.toString()).startsWith("harbor: Unknown option: '--bogus'");
    }

    @Test
    void simulate_board_has_a_real_help() {
        assertThat(run(environment(), "simulate-board", "--help")).isZero();

        assertThat(out.toString()).contains("--protocol=PROTOCOL", "--tcp=PORT", "--door-closes-after-ms");
    }

    @Test
    void simulate_board_refuses_a_missing_unknown_or_malformed_option_in_one_line_with_status_2() {
        String[][] wrong = {
            {"simulate-board"},
            {"simulate-board", "--tcp", "5000"},
            {"simulate-board", "--protocol", "kerong-cu16", "--tcp", "abc"},
            {"simulate-board", "--protocol", "foo", "--tcp", "5000"},
            {"simulate-board", "--protocol", "kerong-cu16", "--tcp", "0", "--adress", "3"},
            {"simulate-board", "--protocol", "kerong-cu16", "--tcp", "0", "--pty", "/dev/pts/9"},
            {"simulate-board", "--protocol", "kerong-cu16", "--tcp", "70000"},
        };
        String[] reasons = {
            "Missing required option",
            "Missing required option: '--protocol=PROTOCOL'",
            "'abc' is not an int",
            "Unknown protocol 'foo'",
            "Unknown options: '--adress', '3'",
            "mutually exclusive",
            "--tcp must be a port number 0-65535"
        };
        for (int i = 0; i < wrong.length; i++) {
            err.getBuffer().setLength(0);

            assertThat(run(environment(), wrong[i]))
                    .as(String.join(" ", wrong[i]))
                    .isEqualTo(2);

            assertThat(err.toString().lines().findFirst().orElse(""))
                    .as(String.join(" ", wrong[i]))
                    .startsWith("simulate-board: ")
                    .contains(reasons[i]);
            assertThat(err.toString()).contains("Usage: harbor simulate-board").doesNotContain("Exception", "\tat ");
        }
    }
}
