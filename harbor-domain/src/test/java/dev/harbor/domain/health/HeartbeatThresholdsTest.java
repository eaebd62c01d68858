package dev.harbor.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.rule.InvalidValueException;
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
    void thresholds_may_be_thirty_days_and_no_longer_naming_the_field() {
        Duration month = Duration.ofDays(30);
        assertThat(new HeartbeatThresholds(month.minusMillis(2), month.minusMillis(1), month).longDeadAfter())
                .isEqualTo(month);

        assertThatThrownBy(() ->
                        new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofSeconds(30), month.plusMillis(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("heartbeat.longDeadAfterMs"))
                .hasMessageContaining("2592000000");
        assertThatThrownBy(() -> new HeartbeatThresholds(
                        Duration.ofMillis(Long.MAX_VALUE), Duration.ofSeconds(30), Duration.ofHours(2)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("heartbeat.unhealthyAfterMs"));
    }

    @Test
    void the_order_is_checked_after_each_bound_and_named_in_milliseconds() {
        assertThatThrownBy(() ->
                        new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofHours(2)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("heartbeat"))
                .hasMessage("heartbeat.deadAfterMs (10000) must be greater than heartbeat.unhealthyAfterMs (15000)");
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
