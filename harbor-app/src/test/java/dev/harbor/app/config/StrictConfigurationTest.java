package dev.harbor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file is Harbor's alone: a key it does not know is a mistake, named with its place. */
class StrictConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void a_misspelled_key_in_the_configuration_file_is_refused_with_the_file_the_line_and_the_key_it_meant()
            throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(file, "# ports\nHARBOR_HTTP_PORT=9090\n\nHARBOR_HTTP_PROT=9091\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, file.toString())))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("HARBOR_HTTP_PROT (" + file
                                        + ", line 4): unknown key; did you mean HARBOR_HTTP_PORT?"));
    }

    @Test
    void a_key_that_is_not_harbors_at_all_is_refused_too() throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(file, "server.port=8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, file.toString())))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("server.port (" + file + ", line 1): unknown key"));
    }

    @Test
    void every_problem_of_the_file_comes_in_one_message_each_with_its_line() throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(
                file,
                "HARBOR_GATEWAY_NAME=Lobby\nHARBOR_DB_ULR=jdbc:postgresql://x/y\nHARBOR_HTTP_PORT=eighty\n"
                        + "HARBOR_GATEWAY_NAME=Hall\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, file.toString())))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems())
                            .containsExactlyInAnyOrder(
                                    "HARBOR_DB_ULR (" + file + ", line 2): unknown key; did you mean HARBOR_DB_URL?",
                                    "HARBOR_GATEWAY_NAME (" + file
                                            + ", line 4): set a second time (first on line 1); keep one",
                                    "HARBOR_HTTP_PORT: not a whole number: eighty (" + file + ", line 3)");
                    assertThat(e.getMessage()).startsWith("Invalid configuration:");
                });
    }

    @Test
    void a_value_that_the_environment_overrides_is_not_blamed_on_the_file() throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(file, "HARBOR_HTTP_PORT=9090\n");

        assertThatThrownBy(() -> ConfigLoader.load(
                        Map.of(ConfigLoader.CONFIG_FILE, file.toString(), "HARBOR_HTTP_PORT", "eighty")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems()).containsExactly("HARBOR_HTTP_PORT: not a whole number: eighty"));
    }

    @Test
    void a_configuration_file_that_cannot_be_read_is_named() {
        Path missing = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, missing.toString())))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("HARBOR_CONFIG_FILE: cannot read " + missing + " (no such file)"));
    }

    @Test
    void an_unknown_harbor_variable_in_the_environment_is_a_warning_naming_the_closest_known_one_not_a_failure() {
        ConfigCheck check =
                ConfigLoader.check(Map.of("HARBOR_DB_ULR", "jdbc:postgresql://db/harbor", "HARBOR_URL", "x"));

        assertThat(check).isInstanceOf(ConfigCheck.Valid.class);
        assertThat(check.warnings())
                .containsExactly(
                        "HARBOR_DB_ULR is set in the environment but is not a Harbor variable; did you mean HARBOR_DB_URL?",
                        "HARBOR_URL is set in the environment but is not a Harbor variable");
    }

    @Test
    void the_log_level_is_info_unless_set_in_any_case_and_anything_else_is_a_problem() {
        assertThat(ConfigLoader.load(Map.of()).logLevel()).isEqualTo("INFO");
        assertThat(ConfigLoader.load(Map.of("HARBOR_LOG_LEVEL", "debug")).logLevel())
                .isEqualTo("DEBUG");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HARBOR_LOG_LEVEL", "loud")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "HARBOR_LOG_LEVEL: must be one of TRACE, DEBUG, INFO, WARN, ERROR, was loud"));
    }

    @Test
    void the_keys_being_added_elsewhere_are_already_known_so_a_file_may_hold_them() {
        assertThat(ConfigKeys.all())
                .contains("HARBOR_API_KEYS", "HARBOR_API_KEYS_FILE", "HARBOR_LOG_LEVEL", "HARBOR_DB_PASSWORD_FILE");
    }

    @Test
    void the_configuration_file_cannot_name_another_configuration_file() throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(file, "HARBOR_CONFIG_FILE=/etc/other.properties\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, file.toString())))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("only the environment"));
    }
}
