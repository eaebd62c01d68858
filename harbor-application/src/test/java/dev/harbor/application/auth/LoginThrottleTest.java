package dev.harbor.application.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.auth.LoginThrottle.Admission;
import dev.harbor.application.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final AuthSettings SETTINGS = new AuthSettings(
            Duration.ofHours(8),
            Duration.ofHours(24),
            3,
            Duration.ofMinutes(15),
            Duration.ofMinutes(5),
            Duration.ofMinutes(20),
            12);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(SETTINGS);

    /** One admitted check that fails; returns the lockout it started, if any. */
    private Duration fail(String client) {
        assertThat(throttle.admit(client, clock.instant())).isInstanceOf(Admission.Admitted.class);
        return throttle.failed(client, clock.instant());
    }

    @Test
    void a_client_never_seen_is_admitted() {
        assertThat(throttle.admit("10.0.0.1", clock.instant())).isEqualTo(new Admission.Admitted());
    }

    @Test
    void the_failure_that_reaches_the_limit_starts_a_lockout_and_the_client_is_refused_until_it_ends() {
        assertThat(fail("a")).isNull();
        assertThat(fail("a")).isNull();

        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Refused(Duration.ofMinutes(4)));
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Admitted());
    }

    @Test
    void each_lockout_in_a_row_doubles_up_to_the_maximum() {
        fail("a");
        fail("a");
        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        fail("a");
        fail("a");
        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        fail("a");
        fail("a");
        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(20));
        fail("a");
        fail("a");

        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void a_correct_password_forgives_the_failures_counted_so_far() {
        fail("a");
        fail("a");
        throttle.admit("a", clock.instant());
        throttle.succeeded("a");

        assertThat(fail("a")).isNull();
        assertThat(fail("a")).isNull();
        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failures_further_apart_than_the_window_do_not_add_up() {
        fail("a");
        fail("a");
        clock.advance(Duration.ofMinutes(15));

        assertThat(fail("a")).isNull();
        assertThat(fail("a")).isNull();
    }

    @Test
    void checks_still_in_flight_count_against_the_limit_so_a_burst_cannot_slip_past_it() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Admitted());
        }

        assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Refused(Duration.ofSeconds(1)));
    }

    @Test
    void an_abandoned_check_gives_its_slot_back() {
        for (int i = 0; i < 3; i++) {
            throttle.admit("a", clock.instant());
        }
        throttle.abandoned("a");

        assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Admitted());
    }

    @Test
    void one_clients_failures_do_not_lock_out_another() {
        fail("a");
        fail("a");
        fail("a");

        assertThat(throttle.admit("b", clock.instant())).isEqualTo(new Admission.Admitted());
    }

    @Test
    void after_a_long_quiet_spell_the_doubling_starts_again_from_the_first_lockout() {
        fail("a");
        fail("a");
        fail("a");
        clock.advance(Duration.ofMinutes(5).plus(Duration.ofMinutes(20)).plus(Duration.ofMinutes(15)));
        fail("a");
        fail("a");

        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));
    }
}
