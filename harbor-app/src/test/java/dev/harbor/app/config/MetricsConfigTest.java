package dev.harbor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void metrics_are_on_unless_turned_off_in_any_case() {
        assertThat(ConfigLoader.load(Map.of()).metricsEnabled()).isTrue();
        assertThat(ConfigLoader.load(Map.of("HARBOR_METRICS_ENABLED", "FALSE")).metricsEnabled())
                .isFalse();
        assertThat(ConfigLoader.load(Map.of("HARBOR_METRICS_ENABLED", "true")).metricsEnabled())
                .isTrue();
    }

    @Test
    void a_value_other_than_true_or_false_is_a_problem_named_with_its_key() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("HARBOR_METRICS_ENABLED", "yes")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("HARBOR_METRICS_ENABLED: must be true or false, was yes"));
    }

    @Test
    void the_key_is_known_so_the_configuration_file_may_hold_it() {
        assertThat(ConfigKeys.isKnown("HARBOR_METRICS_ENABLED")).isTrue();
    }
}
