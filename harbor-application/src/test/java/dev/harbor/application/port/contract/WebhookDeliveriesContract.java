package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.WebhookDeliveries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link WebhookDeliveries}; subclassed for each implementation. */
public abstract class WebhookDeliveriesContract {

    private static final Instant T0 = Instant.parse("2026-02-20T22:56:40.123Z");
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    protected WebhookDeliveries deliveries;

    /** A store that remembers no delivery, not shared with any other test. */
    protected abstract WebhookDeliveries emptyStore();

    @BeforeEach
    void createStore() {
        deliveries = emptyStore();
    }

    @Test
    public void a_delivery_is_recorded_the_first_time_and_refused_every_time_after() {
        assertThat(deliveries.recordFirst(A, T0)).isTrue();
        assertThat(deliveries.recordFirst(A, T0.plusSeconds(60))).isFalse();
        assertThat(deliveries.recordFirst(A, T0)).isFalse();
    }

    @Test
    public void deliveries_with_other_ids_do_not_disturb_each_other() {
        assertThat(deliveries.recordFirst(A, T0)).isTrue();
        assertThat(deliveries.recordFirst(B, T0)).isTrue();
        assertThat(deliveries.recordFirst(B, T0)).isFalse();
    }

    @Test
    public void a_forgotten_delivery_is_new_again() {
        deliveries.recordFirst(A, T0);

        deliveries.forget(A);
        deliveries.forget(C);

        assertThat(deliveries.recordFirst(A, T0.plusSeconds(1))).isTrue();
    }

    @Test
    public void deliveries_received_before_the_bound_are_forgotten_and_one_exactly_at_it_is_kept() {
        deliveries.recordFirst(A, T0);
        deliveries.recordFirst(B, T0.plusSeconds(10));
        deliveries.recordFirst(C, T0.plusSeconds(20));

        assertThat(deliveries.forgetReceivedBefore(T0.plusSeconds(10))).isEqualTo(1);

        assertThat(deliveries.recordFirst(A, T0.plusSeconds(30))).isTrue();
        assertThat(deliveries.recordFirst(B, T0.plusSeconds(30))).isFalse();
        assertThat(deliveries.recordFirst(C, T0.plusSeconds(30))).isFalse();
        assertThat(deliveries.forgetReceivedBefore(T0)).isZero();
    }

    @Test
    public void of_concurrent_records_of_one_delivery_exactly_one_wins() throws Exception {
        List<Boolean> results = Concurrently.run(8, n -> deliveries.recordFirst(A, T0.plusMillis(n)));

        assertThat(results).containsOnlyOnce(true);
    }
}
