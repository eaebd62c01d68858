package dev.harbor.application.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.auth.LoginThrottle.Admission;
import dev.harbor.application.fakes.InMemoryLoginFailureStore;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.port.LoginFailureStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle over a {@link LoginFailureStore}: what a restart (a new throttle over the same store) keeps. */
class LoginThrottleRestartTest {

    private static final AuthSettings SETTINGS = new AuthSettings(
            Duration.ofHours(8),
            Duration.ofHours(24),
            3,
            Duration.ofMinutes(15),
            Duration.ofMinutes(5),
            Duration.ofMinutes(20),
            12);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryLoginFailureStore store = new InMemoryLoginFailureStore();
    private LoginThrottle throttle = new LoginThrottle(SETTINGS, store, clock.instant());

    private Duration fail(String client) {
        assertThat(throttle.admit(client, clock.instant())).isInstanceOf(Admission.Admitted.class);
        return throttle.failed(client, clock.instant());
    }

    private void restart() {
        throttle = new LoginThrottle(SETTINGS, store, clock.instant());
    }

    @Test
    void a_lockout_survives_a_restart() {
        fail("a");
        fail("a");
        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(1));

        restart();

        assertThat(throttle.admit("a", clock.instant())).isEqualTo(new Admission.Refused(Duration.ofMinutes(4)));
        assertThat(throttle.admit("b", clock.instant())).isEqualTo(new Admission.Admitted());
    }

    @Test
    void failures_in_the_window_and_the_doubling_survive_a_restart() {
        fail("a");
        fail("a");
        fail("a");
        clock.advance(Duration.ofMinutes(5));
        fail("a");
        fail("a");

        restart();

        assertThat(fail("a"))
                .as("third failure after the restart, second lockout")
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_success_forgives_the_failures_for_good() {
        fail("a");
        fail("a");
        assertThat(throttle.admit("a", clock.instant())).isInstanceOf(Admission.Admitted.class);
        throttle.succeeded("a");

        restart();

        assertThat(fail("a")).isNull();
        assertThat(fail("a")).isNull();
    }

    @Test
    void checks_in_flight_end_with_the_process() {
        fail("a");
        fail("a");
        assertThat(throttle.admit("a", clock.instant())).isInstanceOf(Admission.Admitted.class);

        restart();

        assertThat(throttle.admit("a", clock.instant())).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void clients_quiet_long_enough_are_deleted_from_the_store() {
        fail("a");
        fail("b");
        clock.advance(SETTINGS.maxLockout().plus(SETTINGS.failureWindow()));

        fail("c");

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.current(clock.instant()))
                .extracting(LoginFailureStore.LoginFailures::clientKey)
                .containsExactly("c");
    }

    @Test
    void a_store_that_fails_leaves_the_throttle_counting_in_memory() {
        LoginFailureStore broken = new LoginFailureStore() {
            @Override
            public void save(LoginFailures failures) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<LoginFailures> current(Instant now) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void delete(String clientKey) {
                throw new IllegalStateException("database down");
            }

            @Override
            public int deleteForgotten(Instant now) {
                throw new IllegalStateException("database down");
            }
        };
        throttle = new LoginThrottle(SETTINGS, broken, clock.instant());

        fail("a");
        fail("a");

        assertThat(fail("a")).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.admit("a", clock.instant())).isInstanceOf(Admission.Refused.class);
    }
}
