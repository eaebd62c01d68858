package dev.harbor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.app.logging.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatConfigTest {

    @Test
    void the_log_format_is_text_unless_set_in_any_case_and_anything_else_is_a_problem_listed_with_the_others() {
        assertThat(ConfigLoader.load(Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(ConfigLoader.load(Map.of("HARBOR_LOG_FORMAT", "Json")).logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThat(ConfigLoader.load(Map.of("HARBOR_LOG_FORMAT", "text")).logFormat())
                .isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HARBOR_LOG_FORMAT", "xml", "HARBOR_HTTP_PORT", "-1")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "HARBOR_HTTP_PORT: must be 0-65535, was -1",
                                        "HARBOR_LOG_FORMAT: must be text or json, was xml"));
    }

    @Test
    void the_log_format_is_a_known_key_so_the_configuration_file_may_hold_it() {
        assertThat(ConfigKeys.isKnown("HARBOR_LOG_FORMAT")).isTrue();
    }

    @Test
    void a_configuration_with_problems_still_says_which_log_format_to_write_them_in() {
        ConfigCheck withJson = ConfigLoader.check(Map.of("HARBOR_LOG_FORMAT", "json", "HARBOR_HTTP_PORT", "eighty"));
        ConfigCheck withBadFormat =
                ConfigLoader.check(Map.of("HARBOR_LOG_FORMAT", "yaml", "HARBOR_HTTP_PORT", "eighty"));

        assertThat(withJson)
                .isInstanceOfSatisfying(
                        ConfigCheck.Invalid.class,
                        invalid -> assertThat(invalid.logFormat()).isEqualTo(LogFormat.JSON));
        assertThat(withBadFormat)
                .isInstanceOfSatisfying(
                        ConfigCheck.Invalid.class,
                        invalid -> assertThat(invalid.logFormat()).isEqualTo(LogFormat.TEXT));
    }
}
