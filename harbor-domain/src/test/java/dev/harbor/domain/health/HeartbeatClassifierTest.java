package dev.harbor.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatClassifierTest {

    private static final Instant LAST = Instant.parse("2026-02-20T10:00:00Z");

    private final HeartbeatClassifier classifier = new HeartbeatClassifier(HeartbeatThresholds.DEFAULTS);

    @Test
    void a_device_heard_less_than_fifteen_seconds_ago_is_healthy() {
        assertThat(at(Duration.ZERO)).isEqualTo(new HealthReading(Health.HEALTHY, null));
        assertThat(at(Duration.ofSeconds(15).minusMillis(1))).isEqualTo(new HealthReading(Health.HEALTHY, null));
    }

    @Test
    void a_device_silent_for_fifteen_seconds_is_unhealthy_until_thirty() {
        assertThat(at(Duration.ofSeconds(15))).isEqualTo(new HealthReading(Health.UNHEALTHY, null));
        assertThat(at(Duration.ofSeconds(30).minusMillis(1))).isEqualTo(new HealthReading(Health.UNHEALTHY, null));
    }

    @Test
    void a_device_silent_for_thirty_seconds_is_dead_since_that_moment() {
        Instant deadSince = LAST.plusSeconds(30);

        assertThat(at(Duration.ofSeconds(30))).isEqualTo(new HealthReading(Health.DEAD, deadSince));
        assertThat(at(Duration.ofHours(2).minusMillis(1))).isEqualTo(new HealthReading(Health.DEAD, deadSince));
    }

    @Test
    void a_device_silent_for_two_hours_is_long_dead_and_still_dead_since_thirty_seconds_after_its_last_heartbeat() {
        Instant deadSince = LAST.plusSeconds(30);

        assertThat(at(Duration.ofHours(2))).isEqualTo(new HealthReading(Health.LONG_DEAD, deadSince));
        assertThat(at(Duration.ofDays(30))).isEqualTo(new HealthReading(Health.LONG_DEAD, deadSince));
    }

    @Test
    void a_heartbeat_stamped_in_the_future_counts_as_just_heard() {
        assertThat(classifier.classify(LAST, LAST.minusSeconds(5)).health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void a_device_never_heard_from_is_long_dead_with_no_dead_since() {
        assertThat(classifier.classify(null, LAST)).isEqualTo(HealthReading.NEVER_HEARD);
        assertThat(HealthReading.NEVER_HEARD).isEqualTo(new HealthReading(Health.LONG_DEAD, null));
    }

    @Test
    void a_device_never_heard_from_is_measured_from_when_we_started_watching_it_and_is_never_healthy() {
        Instant since = LAST;

        assertThat(classifier.classify(null, since, since)).isEqualTo(new HealthReading(Health.UNHEALTHY, null));
        assertThat(classifier.classify(null, since, since.plusSeconds(14)))
                .isEqualTo(new HealthReading(Health.UNHEALTHY, null));
        assertThat(classifier.classify(null, since, since.plusSeconds(31)))
                .isEqualTo(new HealthReading(Health.DEAD, since.plusSeconds(30)));
        assertThat(classifier.classify(null, since, since.plus(Duration.ofHours(3))))
                .isEqualTo(new HealthReading(Health.LONG_DEAD, since.plusSeconds(30)));
    }

    @Test
    void once_heard_the_watch_start_no_longer_matters() {
        assertThat(classifier
                        .classify(LAST, LAST.minusSeconds(3600), LAST.plusSeconds(1))
                        .health())
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void configured_thresholds_move_the_boundaries() {
        var quick = new HeartbeatClassifier(
                new HeartbeatThresholds(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)));

        assertThat(quick.classify(LAST, LAST.plusSeconds(1)).health()).isEqualTo(Health.UNHEALTHY);
        assertThat(quick.classify(LAST, LAST.plusSeconds(2)).health()).isEqualTo(Health.DEAD);
        assertThat(quick.classify(LAST, LAST.plusSeconds(3)).health()).isEqualTo(Health.LONG_DEAD);
    }

    private HealthReading at(Duration silence) {
        return classifier.classify(LAST, LAST.plus(silence));
    }
}
