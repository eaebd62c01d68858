package dev.harbor.application.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.rule.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DoorOpenSettingsTest {

    @Test
    void the_largest_policy_allowed_is_ten_attempts_of_two_minutes_one_minute_apart() {
        DoorOpenSettings largest = new DoorOpenSettings(Duration.ofMillis(120_000), 10, Duration.ofMillis(60_000));

        assertThat(largest.attemptTimeout()).isEqualTo(DoorOpenSettings.MAX_ATTEMPT_TIMEOUT);
        assertThat(largest.delay()).isEqualTo(DoorOpenSettings.MAX_DELAY);
    }

    @Test
    void an_attempt_timeout_beyond_two_minutes_is_refused_naming_the_field() {
        // 9300000000000 ms was accepted once, and every open then failed with an ArithmeticException.
        assertThatThrownBy(() -> new DoorOpenSettings(Duration.ofMillis(9_300_000_000_000L), 3, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("doorOpenPolicy.attemptTimeoutMs"))
                .hasMessage("doorOpenPolicy.attemptTimeoutMs must be 1-120000 ms");
        assertThatThrownBy(() -> new DoorOpenSettings(Duration.ofMillis(120_001), 3, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_delay_beyond_one_minute_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new DoorOpenSettings(Duration.ofSeconds(20), 3, Duration.ofMillis(60_001)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("doorOpenPolicy.delayMs"))
                .hasMessage("doorOpenPolicy.delayMs must be 1-60000 ms");
    }

    @Test
    void more_than_ten_attempts_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new DoorOpenSettings(Duration.ofSeconds(20), 11, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("doorOpenPolicy.maxAttempts"));
    }
}
