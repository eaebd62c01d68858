package dev.harbor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.auth.ClientKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeysConfigTest {

    private static final String DESK_KEY = "desk-0123456789abcdef";
    private static final String BARE_KEY = "bare-fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void no_keys_configured_leaves_the_local_api_open() {
        assertThat(ConfigLoader.load(Map.of()).apiKeys()).isSameAs(ClientKeys.NONE);
    }

    @Test
    void comma_separated_keys_are_named_by_their_name_or_their_position() {
        ClientKeys keys = ConfigLoader.load(
                        Map.of("HARBOR_API_KEYS", " front-desk:" + DESK_KEY + " , " + BARE_KEY + ","))
                .apiKeys();

        assertThat(keys.names()).containsExactly("front-desk", "key-2");
        assertThat(keys.nameOf(DESK_KEY)).contains("front-desk");
        assertThat(keys.nameOf(BARE_KEY)).contains("key-2");
    }

    @Test
    void a_keys_file_holds_one_key_a_line_with_blank_lines_and_comments() throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# the front desk\nfront-desk:" + DESK_KEY + "\n\n   # kiosk\n" + BARE_KEY + "\n");

        ClientKeys keys = ConfigLoader.load(Map.of("HARBOR_API_KEYS_FILE", file.toString()))
                .apiKeys();

        assertThat(keys.names()).containsExactly("front-desk", "key-2");
        assertThat(keys.nameOf(BARE_KEY)).contains("key-2");
    }

    @Test
    void a_short_key_is_one_problem_naming_the_variable_and_never_the_key() {
        InvalidConfigException e = catchThrowableOfType(
                InvalidConfigException.class,
                () -> ConfigLoader.load(
                        Map.of("HARBOR_API_KEYS", DESK_KEY + ",too-short-key", "HARBOR_HTTP_PORT", "x")));

        assertThat(e.problems())
                .contains("HARBOR_API_KEYS: entry 2: the client key named key-2 is shorter than 16 characters");
        assertThat(e.getMessage()).doesNotContain("too-short-key").doesNotContain(DESK_KEY);
    }

    @Test
    void both_variables_an_unreadable_file_an_empty_list_or_a_repeated_key_are_refused() throws Exception {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "# nobody yet\n");
        assertThat(problems(Map.of("HARBOR_API_KEYS", DESK_KEY, "HARBOR_API_KEYS_FILE", empty.toString())))
                .contains("HARBOR_API_KEYS and HARBOR_API_KEYS_FILE: set only one");
        assertThat(problems(
                        Map.of("HARBOR_API_KEYS_FILE", dir.resolve("missing").toString())))
                .anyMatch(p -> p.startsWith("HARBOR_API_KEYS_FILE: cannot read"));
        assertThat(problems(Map.of("HARBOR_API_KEYS_FILE", empty.toString())))
                .anyMatch(p -> p.startsWith("HARBOR_API_KEYS_FILE (" + empty + "): no key given"));
        assertThat(problems(Map.of("HARBOR_API_KEYS", "a:" + DESK_KEY + ",b:" + DESK_KEY)))
                .singleElement()
                .satisfies(
                        p -> assertThat(p).contains("a and b are the same key").doesNotContain(DESK_KEY));
        assertThat(problems(Map.of("HARBOR_API_KEYS", "front desk:" + DESK_KEY)))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("HARBOR_API_KEYS: entry 1: a client key's name"));
    }

    @Test
    void the_configuration_prints_the_key_names_only() {
        HarborConfig config = ConfigLoader.load(Map.of("HARBOR_API_KEYS", "front-desk:" + DESK_KEY));

        assertThat(config.toString()).contains("apiKeys=ClientKeys[front-desk]").doesNotContain(DESK_KEY);
    }

    private static java.util.List<String> problems(Map<String, String> env) {
        return catchThrowableOfType(InvalidConfigException.class, () -> ConfigLoader.load(env))
                .problems();
    }
}
