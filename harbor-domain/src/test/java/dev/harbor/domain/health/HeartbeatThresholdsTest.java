package dev.harbor.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatThresholdsTest {

    @Test
    void the_defaults_are_the_seeds_fifteen_seconds_thirty_seconds_and_two_hours() {
        assertThat(HeartbeatThresholds.DEFAULTS)
                .isEqualTo(
                        new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofHours(2)));
    }

    @Test
    void thresholds_must_be_positive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HeartbeatThresholds(Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(2)));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new HeartbeatThresholds(Duration.ofSeconds(-1), Duration.ofSeconds(30), Duration.ofHours(2)));
    }

    @Test
    void thresholds_must_strictly_increase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new HeartbeatThresholds(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(2)))
                .withMessageContaining("deadAfter");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofHours(3), Duration.ofHours(2)))
                .withMessageContaining("longDeadAfter");
    }

    @Test
    void a_reading_carries_dead_since_exactly_when_dead() {
        Instant moment = Instant.parse("2026-02-20T10:00:30Z");

        assertThatIllegalArgumentException().isThrownBy(() -> new HealthReading(Health.HEALTHY, moment));
        assertThatIllegalArgumentException().isThrownBy(() -> new HealthReading(Health.UNHEALTHY, moment));
        assertThatIllegalArgumentException().isThrownBy(() -> new HealthReading(Health.DEAD, null));
        assertThat(new HealthReading(Health.LONG_DEAD, moment).deadSince()).isEqualTo(moment);
    }
}
